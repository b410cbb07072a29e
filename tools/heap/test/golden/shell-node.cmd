go tool pprof node-heap-leaky-end.pb.gz
