go tool pprof -tree -focus=Get -hide=reflect -nodecount=6 go-heap-leaky-end.pb.gz
