go tool pprof -top -diff_base=go-heap-leaky-start.pb.gz go-heap-leaky-end.pb.gz
