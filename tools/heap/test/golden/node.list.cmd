go tool pprof -list=^get$ node-heap-leaky-end.pb.gz
