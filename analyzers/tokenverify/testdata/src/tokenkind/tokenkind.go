// Package tokenkind: a token whose name, or whose function's name, says
// it is an optimistic-concurrency version or a history identifier is
// no credential, and comparing it leaks nothing; a bare "token"
// parameter of any other function, or a qualified credential name,
// still is.
package tokenkind

import (
	"bytes"
	"encoding/binary"
)

type schedule struct {
	ConflictToken int64
	secret        []byte
	Token         []byte
}

func serializeConflictToken(v int64) []byte {
	b := make([]byte, 8)
	binary.LittleEndian.PutUint64(b, uint64(v))
	return b
}

func (s *schedule) generateConflictToken() []byte { return serializeConflictToken(s.ConflictToken) }

// The schedule's version, handed back by the caller (temporal's
// Scheduler.validateConflictToken).
func (s *schedule) validateConflictToken(token []byte) bool {
	if token == nil {
		return true
	}
	current := s.generateConflictToken()
	return bytes.Equal(current, token)
}

type history struct{ BranchToken []byte }

// A history branch's identifier sent with the request (temporal's
// branchTokenMismatchReason).
func mismatch(currentBranchToken, requestBranchToken []byte, hs []history) string {
	if bytes.Equal(requestBranchToken, currentBranchToken) {
		return ""
	}
	for _, h := range hs {
		if bytes.Equal(h.BranchToken, requestBranchToken) {
			return "non-current"
		}
	}
	return "foreign"
}

// An idempotency token compared with the one recorded.
func (s *schedule) sameRequest(idempotencyToken string, recorded string) bool {
	return idempotencyToken == recorded
}

// Near miss: a bare token parameter of a function whose name says
// nothing about the kind: a credential.
func (s *schedule) validateToken(token []byte) bool {
	return bytes.Equal(token, s.secret) // want `compared with bytes.Equal`
}

// Near miss: a qualified credential parameter of a conflict-token
// function decides by its own name.
func (s *schedule) validateConflictTokenAuth(accessToken []byte) bool {
	return bytes.Equal(accessToken, s.secret) // want `compared with bytes.Equal`
}

// Near miss: a session token function's bare token is a credential.
func (s *schedule) checkSessionToken(token []byte) bool {
	return bytes.Equal(s.Token, token) // want `compared with bytes.Equal`
}

// Near miss: an access token compared with a stored secret in a
// branch-named function: the parameter's own name decides.
func (s *schedule) branchToken(apiKey []byte) bool {
	return bytes.Equal(apiKey, s.secret) // want `compared with bytes.Equal`
}
