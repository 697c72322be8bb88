module example.org/grpcsvc

go 1.22

require google.golang.org/grpc v1.64.0

replace google.golang.org/grpc => ./third_party/grpc
