go tool pprof -top go-heap-leaky-start.pb.gz go-heap-leaky-end.pb.gz
