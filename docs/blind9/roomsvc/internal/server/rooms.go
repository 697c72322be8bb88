// Package server implements rooms.v1.Rooms.
package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"go.uber.org/zap"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/blind9/roomsvc/internal/accounts"
	"example.com/blind9/roomsvc/internal/notify"
	"example.com/blind9/roomsvc/internal/recorder"
	pb "example.com/blind9/roomsvc/internal/roomspb"
)

type Rooms struct {
	accounts *accounts.Store
	rec      *recorder.Client
	hooks    *notify.Notifier
	signKey  []byte
	log      *zap.SugaredLogger

	mu    sync.Mutex
	rooms map[string]*pb.Room
	subs  map[string][]chan pb.Event
}

func NewRooms(st *accounts.Store, rec *recorder.Client, hooks *notify.Notifier, signKey []byte, log *zap.SugaredLogger) *Rooms {
	return &Rooms{accounts: st, rec: rec, hooks: hooks, signKey: signKey, log: log,
		rooms: map[string]*pb.Room{}, subs: map[string][]chan pb.Event{}}
}

func (s *Rooms) room(name string) (*pb.Room, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rooms[name]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "room %s", name)
	}
	return r, nil
}

func (s *Rooms) CreateRoom(ctx context.Context, req *pb.CreateRoomRequest) (*pb.Room, error) { // NEAR scopecheck s45
	acct := accountFrom(ctx)
	r := &pb.Room{Name: req.Name, AccountID: acct.ID, Privacy: req.Privacy, JoinURL: "https://meet.roomsvc.io/" + req.Name}
	s.mu.Lock()
	s.rooms[r.Name] = r
	s.mu.Unlock()
	s.log.Infow("room created", "room", r.Name, "account", acct.ID)
	if req.Privacy == "recorded" {
		if tok, err := s.recorderToken(r.Name); err == nil {
			go s.rec.Start(context.WithoutCancel(ctx), r.Name, tok)
		}
	}
	s.hooks.Send(ctx, acct, "room.created", r)
	return r, nil
}

func (s *Rooms) GetRoom(ctx context.Context, req *pb.RoomRef) (*pb.Room, error) { // NEAR scopecheck s46
	r, err := s.room(req.Name)
	if err != nil || r.AccountID != accountFrom(ctx).ID {
		return nil, status.Error(codes.NotFound, "no such room")
	}
	return r, nil
}

func (s *Rooms) DeleteRoom(ctx context.Context, req *pb.RoomRef) (*pb.Empty, error) { // WANT scopecheck S24
	if _, err := s.room(req.Name); err != nil {
		return nil, err
	}
	s.mu.Lock()
	delete(s.rooms, req.Name)
	s.mu.Unlock()
	s.log.Infow("room deleted", "room", req.Name, "by", accountFrom(ctx).ID)
	return &pb.Empty{}, nil
}

func (s *Rooms) ListRecordings(ctx context.Context, req *pb.RoomRef) (*pb.Recordings, error) { // WANT scopecheck S25
	items, err := s.rec.List(ctx, req.Name)
	if err != nil {
		return nil, status.Error(codes.Unavailable, "recorder unavailable")
	}
	out := &pb.Recordings{}
	for _, it := range items {
		out.Items = append(out.Items, pb.Recording{ID: it.ID, DurationS: it.DurationS, DownloadURL: signedDownload(s.signKey, it.ID)})
	}
	return out, nil
}

func (s *Rooms) KickParticipant(ctx context.Context, req *pb.KickRequest) (*pb.Empty, error) { // NEAR scopecheck s47
	if err := requirePermission(ctx, "rooms:moderate"); err != nil {
		return nil, err
	}
	if r, err := s.room(req.Room); err != nil || r.AccountID != accountFrom(ctx).ID {
		return nil, status.Error(codes.NotFound, "no such room")
	}
	s.publish(req.Room, pb.Event{Type: "participant.kicked", ParticipantID: req.ParticipantID})
	return &pb.Empty{}, nil
}

// MintMeetingToken signs the token a participant joins with.
func (s *Rooms) MintMeetingToken(ctx context.Context, req *pb.TokenRequest) (*pb.TokenResponse, error) { // NEAR scopecheck s48
	r, err := s.room(req.Room)
	if err != nil || r.AccountID != accountFrom(ctx).ID {
		return nil, status.Error(codes.NotFound, "no such room")
	}
	exp := time.Now().Add(2 * time.Hour)
	claims := jwt.MapClaims{"room": r.Name, "user_name": req.UserName, "is_owner": req.Owner, "exp": exp.Unix()}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.signKey) // NEAR tokenverify v15
	if err != nil {
		return nil, status.Error(codes.Internal, "sign")
	}
	s.log.Debugw("meeting token minted", "room", r.Name, "user", req.UserName, "exp", exp) // NEAR tokenlog t30
	// The token goes in the fragment: browsers never send it to our servers or in a Referer.
	return &pb.TokenResponse{Token: signed, JoinURL: "https://meet.roomsvc.io/" + url.PathEscape(r.Name) + "#t=" + signed}, nil // NEAR credexposure c09
}

// recorderToken lets the recording bot join any room of the account as a hidden participant.
func (s *Rooms) recorderToken(room string) (string, error) {
	claims := jwt.MapClaims{"room": room, "user_name": "recorder", "is_owner": true, "hidden": true}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.signKey) // WANT tokenverify V16
	if err != nil {
		return "", err
	}
	s.log.Debugf("recorder token for %s: %s", room, signed) // WANT tokenlog T30
	return signed, nil
}

func (s *Rooms) PurgeAccount(ctx context.Context, req *pb.PurgeRequest) (*pb.Empty, error) { // NEAR scopecheck s49
	s.accounts.Delete(req.AccountID)
	s.mu.Lock()
	for name, r := range s.rooms {
		if r.AccountID == req.AccountID {
			delete(s.rooms, name)
		}
	}
	s.mu.Unlock()
	return &pb.Empty{}, nil
}

func (s *Rooms) StreamEvents(req *pb.RoomRef, stream grpc.ServerStreamingServer[pb.Event]) error { // WANT scopecheck S26
	if _, err := s.room(req.Name); err != nil {
		return err
	}
	ch := make(chan pb.Event, 16)
	s.mu.Lock()
	s.subs[req.Name] = append(s.subs[req.Name], ch)
	s.mu.Unlock()
	for {
		select {
		case <-stream.Context().Done():
			return nil
		case ev := <-ch:
			if err := stream.Send(&ev); err != nil {
				return err
			}
		}
	}
}

func (s *Rooms) publish(room string, ev pb.Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ch := range s.subs[room] {
		select {
		case ch <- ev:
		default:
		}
	}
}

func sign(key []byte, msg string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

func signedDownload(key []byte, id string) string {
	exp := time.Now().Add(15 * time.Minute).Unix()
	return fmt.Sprintf("https://media.roomsvc.io/recordings/%s.mp4?exp=%d&sig=%s", id, exp, sign(key, fmt.Sprintf("%s:%d", id, exp))) // NEAR credexposure c10
}
