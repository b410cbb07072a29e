go tool pprof -top -focus=NoSuchFunction go-heap-leaky-end.pb.gz
