go tool pprof go-heap-leaky-end.pb.gz
