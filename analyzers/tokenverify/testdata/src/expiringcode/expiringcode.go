// Package expiringcode matches what a caller presents against a record
// kept for a limited time under another key: a one-time code, whatever
// its name (expiring.go).
package expiringcode

import (
	"context"
	"errors"
	"log"
	"sync"
	"time"
)

var errFailed = errors.New("failed")

type entry struct {
	code string
	time time.Time
}

var (
	mu      sync.Mutex
	entries map[string]entry
	valid   = 10
)

// VerifyCodeWithKey is one-api's shape: the e-mail verification and
// password-reset code, kept ten minutes under purpose+address.
func VerifyCodeWithKey(key string, code string, purpose string) bool {
	mu.Lock()
	defer mu.Unlock()
	value, okay := entries[purpose+key]
	now := time.Now()
	if !okay || int(now.Sub(value.time).Seconds()) >= valid*60 {
		return false
	}
	return code == value.code // want `one-time code in parameter code \(matched against a stored record that expires\) compared with ==`
}

type pending struct {
	Value   string
	Created time.Time
	Expires int64
	UserID  string
	Other   string
}

type store struct {
	byAddr map[string]pending
	db     interface {
		Load(ctx context.Context, addr string) (pending, error)
	}
}

// Check keeps codes in a map of the receiver and rejects with an error.
func (s *store) Check(addr, given string) error {
	rec, ok := s.byAddr[addr]
	if !ok || time.Since(rec.Created) > 15*time.Minute {
		return errFailed
	}
	if rec.Value != given { // want `one-time code in parameter given \(matched against a stored record that expires\) compared with !=`
		return errFailed
	}
	return nil
}

// Redeem loads the record from a database and compares a Unix deadline.
func (s *store) Redeem(ctx context.Context, addr, presented string) bool {
	rec, err := s.db.Load(ctx, addr)
	if err != nil {
		return false
	}
	if rec.Expires < time.Now().Unix() {
		return false
	}
	return presented == rec.Value // want `one-time code in parameter presented \(matched against a stored record that expires\) compared with ==`
}

// Near misses.

// SameLanguage: a record with no deadline (a preference).
func (s *store) SameLanguage(addr, lang string) bool {
	rec, ok := s.byAddr[addr]
	if !ok {
		return false
	}
	return rec.Value == lang
}

// ByValue: the record is fetched by the presented value itself; the
// compare leaks nothing the lookup did not.
func (s *store) ByValue(given string) bool {
	rec, ok := s.byAddr[given]
	if !ok || time.Since(rec.Created) > time.Hour {
		return false
	}
	return rec.Value == given
}

// Stale only logs when the record is old: no verdict on its age.
func (s *store) Stale(addr, given string) bool {
	rec := s.byAddr[addr]
	if time.Since(rec.Created) > time.Hour {
		log.Print("stale entry")
	}
	return rec.Value == given
}

// Owner compares an identifier kept with a deadline (a session's user).
func (s *store) Owner(addr, userID string) bool {
	rec, ok := s.byAddr[addr]
	if !ok || time.Now().After(rec.Created.Add(time.Hour)) {
		return false
	}
	return rec.UserID == userID
}

// Fields compares two fields of the record.
func (s *store) Fields(addr string) bool {
	rec, ok := s.byAddr[addr]
	if !ok || time.Since(rec.Created) > time.Hour {
		return false
	}
	return rec.Value == rec.Other
}

// OtherRecord checks the deadline of another record than the one compared.
func (s *store) OtherRecord(addr, given string) bool {
	cfg := s.byAddr["settings"]
	if time.Since(cfg.Created) > time.Hour {
		return false
	}
	rec := s.byAddr[addr]
	return rec.Value == given
}

// Constant: the presented value against a constant.
func (s *store) Constant(addr string) bool {
	rec, ok := s.byAddr[addr]
	if !ok || time.Since(rec.Created) > time.Hour {
		return false
	}
	return rec.Value == "done"
}

type flow struct {
	provider string
	region   string
	verifier string
	created  time.Time
}

var flows map[string]flow

// CompleteLogin checks that the login flow found by its id is the one
// started for this provider and region: an OAuth flow's bookkeeping,
// fields that name things, not codes. The verifier is the secret.
func CompleteLogin(flowID, provider, region, verifier string) error {
	f, ok := flows[flowID]
	if !ok || time.Since(f.created) > 10*time.Minute {
		return errFailed
	}
	if f.provider != provider || f.region != region {
		return errFailed
	}
	if f.verifier != verifier { // want `one-time code in parameter verifier \(matched against a stored record that expires\) compared with !=`
		return errFailed
	}
	return nil
}
