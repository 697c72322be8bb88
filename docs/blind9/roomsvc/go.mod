module example.com/blind9/roomsvc

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	go.uber.org/zap v1.27.0
	google.golang.org/grpc v1.67.1
)

require (
	go.uber.org/multierr v1.10.0 // indirect
	golang.org/x/net v0.28.0 // indirect
	golang.org/x/sys v0.24.0 // indirect
	golang.org/x/text v0.17.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20240814211410-ddb44dafa142 // indirect
	google.golang.org/protobuf v1.34.2 // indirect
)
