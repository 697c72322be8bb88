package api

import (
	"crypto/sha256"
	"encoding/hex"
)

func hashToken(t string) string {
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}
