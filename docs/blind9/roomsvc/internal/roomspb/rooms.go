// Package roomspb is the hand-maintained gRPC binding of rooms.v1 (JSON codec;
// the team dropped protoc from the build in 2023).
package roomspb

import (
	"context"
	"encoding/json"

	"google.golang.org/grpc"
	"google.golang.org/grpc/encoding"
)

type JSONCodec struct{}

func (JSONCodec) Marshal(v any) ([]byte, error)   { return json.Marshal(v) }
func (JSONCodec) Unmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
func (JSONCodec) Name() string                    { return "json" }

func init() { encoding.RegisterCodec(JSONCodec{}) }

type Empty struct{}

type CreateRoomRequest struct {
	Name       string `json:"name"`
	Privacy    string `json:"privacy"`
	MaxMembers int    `json:"max_members"`
}

type RoomRef struct {
	Name string `json:"name"`
}

type Room struct {
	Name      string `json:"name"`
	AccountID string `json:"account_id"`
	Privacy   string `json:"privacy"`
	JoinURL   string `json:"join_url"`
}

type Recording struct {
	ID          string `json:"id"`
	DurationS   int    `json:"duration_s"`
	DownloadURL string `json:"download_url"`
}

type Recordings struct {
	Items []Recording `json:"items"`
}

type KickRequest struct {
	Room          string `json:"room"`
	ParticipantID string `json:"participant_id"`
}

type TokenRequest struct {
	Room     string `json:"room"`
	UserName string `json:"user_name"`
	Owner    bool   `json:"owner"`
}

type TokenResponse struct {
	Token   string `json:"token"`
	JoinURL string `json:"join_url"`
}

type PurgeRequest struct {
	AccountID string `json:"account_id"`
}

type Event struct {
	Type          string `json:"type"`
	ParticipantID string `json:"participant_id"`
}

type RoomsServer interface {
	CreateRoom(context.Context, *CreateRoomRequest) (*Room, error)
	GetRoom(context.Context, *RoomRef) (*Room, error)
	DeleteRoom(context.Context, *RoomRef) (*Empty, error)
	ListRecordings(context.Context, *RoomRef) (*Recordings, error)
	KickParticipant(context.Context, *KickRequest) (*Empty, error)
	MintMeetingToken(context.Context, *TokenRequest) (*TokenResponse, error)
	PurgeAccount(context.Context, *PurgeRequest) (*Empty, error)
	StreamEvents(*RoomRef, grpc.ServerStreamingServer[Event]) error
}

func unary[Req, Resp any](name string, call func(RoomsServer, context.Context, *Req) (*Resp, error)) grpc.MethodDesc {
	return grpc.MethodDesc{MethodName: name, Handler: func(srv any, ctx context.Context, dec func(any) error, ic grpc.UnaryServerInterceptor) (any, error) {
		in := new(Req)
		if err := dec(in); err != nil {
			return nil, err
		}
		h := func(ctx context.Context, req any) (any, error) { return call(srv.(RoomsServer), ctx, req.(*Req)) }
		if ic == nil {
			return h(ctx, in)
		}
		return ic(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: "/rooms.v1.Rooms/" + name}, h)
	}}
}

var ServiceDesc = grpc.ServiceDesc{
	ServiceName: "rooms.v1.Rooms",
	HandlerType: (*RoomsServer)(nil),
	Methods: []grpc.MethodDesc{
		unary("CreateRoom", RoomsServer.CreateRoom),
		unary("GetRoom", RoomsServer.GetRoom),
		unary("DeleteRoom", RoomsServer.DeleteRoom),
		unary("ListRecordings", RoomsServer.ListRecordings),
		unary("KickParticipant", RoomsServer.KickParticipant),
		unary("MintMeetingToken", RoomsServer.MintMeetingToken),
		unary("PurgeAccount", RoomsServer.PurgeAccount),
	},
	Streams: []grpc.StreamDesc{{
		StreamName:    "StreamEvents",
		ServerStreams: true,
		Handler: func(srv any, stream grpc.ServerStream) error {
			in := new(RoomRef)
			if err := stream.RecvMsg(in); err != nil {
				return err
			}
			return srv.(RoomsServer).StreamEvents(in, &grpc.GenericServerStream[RoomRef, Event]{ServerStream: stream})
		},
	}},
}

func RegisterRoomsServer(s grpc.ServiceRegistrar, srv RoomsServer) {
	s.RegisterService(&ServiceDesc, srv)
}
