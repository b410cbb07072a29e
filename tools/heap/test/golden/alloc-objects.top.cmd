go tool pprof -top -alloc_objects -nodecount 4 go-heap-leaky-end.pb.gz
