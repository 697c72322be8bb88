package main

import (
	"net"
	"os"

	"go.uber.org/zap"
	"google.golang.org/grpc"

	"example.com/blind9/roomsvc/internal/accounts"
	"example.com/blind9/roomsvc/internal/notify"
	"example.com/blind9/roomsvc/internal/recorder"
	pb "example.com/blind9/roomsvc/internal/roomspb"
	"example.com/blind9/roomsvc/internal/server"
)

// Local MinIO for recordings in docker-compose; the AWS documentation's example pair.
var devBlobStore = struct{ Endpoint, AccessKeyID, SecretAccessKey string }{
	Endpoint:        "http://minio:9000",                        // NEAR plainhttp p07
	AccessKeyID:     "AKIAIOSFODNN7EXAMPLE",                     // ALT h09
	SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // NEAR hardcodedcred h09
}

func main() {
	logger, _ := zap.NewProduction()
	log := logger.Sugar()
	defer logger.Sync()

	st := accounts.NewStore()
	rec, err := recorder.Dial(os.Getenv("RECORDER_ADDR"))
	if err != nil {
		log.Fatalw("recorder", "err", err)
	}
	if os.Getenv("ROOMSVC_ENV") == "dev" {
		log.Infow("dev blob store", "endpoint", devBlobStore.Endpoint, "access_key_id", devBlobStore.AccessKeyID) // NEAR tokenlog t27
	}
	auth := server.NewAuth(st, os.Getenv("ROOMSVC_ADMIN_KEY"), log)
	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(server.Logging(log), auth.Unary),
		grpc.StreamInterceptor(auth.Stream),
	)
	pb.RegisterRoomsServer(srv, server.NewRooms(st, rec, notify.New(log), []byte(os.Getenv("ROOMSVC_SIGNING_KEY")), log))
	lis, err := net.Listen("tcp", ":9443")
	if err != nil {
		log.Fatalw("listen", "err", err)
	}
	log.Infow("roomsvc serving", "addr", lis.Addr().String())
	if err := srv.Serve(lis); err != nil {
		log.Fatalw("serve", "err", err)
	}
}
