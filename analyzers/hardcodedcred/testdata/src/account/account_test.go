package account

import (
	"context"
	"testing"
)

// silent: a test creates its own account.
func TestCreate(t *testing.T) {
	s := &Store{}
	_ = s.CreateAccount(context.Background(), Account{Username: "alice", Password: "wonderland"})
}
