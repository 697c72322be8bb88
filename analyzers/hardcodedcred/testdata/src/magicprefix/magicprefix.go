// Package magicprefix compares constants in constant time: with the
// start of the input cut to the constant's length it recognises a
// format's magic bytes; with a whole presented value it expects a
// secret.
package magicprefix

import (
	"crypto/hmac"
	"crypto/subtle"
	"errors"
	"net/http"
)

// TokenMagic is prepended to every encoded token (waypoint's "wp24").
const TokenMagic = "wp24"

const headerMagic = "AVTK0001"

var errFormat = errors.New("not a token")

// Decode checks the token's format before decoding it.
func Decode(data []byte) ([]byte, error) {
	if len(data) < len(TokenMagic) || subtle.ConstantTimeCompare(data[:len(TokenMagic)], []byte(TokenMagic)) != 1 {
		return nil, errFormat
	}
	return data[len(TokenMagic):], nil
}

// DecodeHeader cuts the input to a literal length.
func DecodeHeader(data []byte) bool {
	return len(data) >= 8 && hmac.Equal(data[0:8], []byte(headerMagic))
}

const agentKey = "k9Xq2vLm8Rt4Wz7Y" // want `value compared by subtle.ConstantTimeCompare`

// Agent compares the whole presented key with a constant: a
// hard-coded expected secret.
func Agent(r *http.Request) bool {
	return subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Agent-Key")), []byte(agentKey)) == 1
}

const prefixKey = "Pq7Zr2Lx9Vm4Tn8K" // want `value compared by subtle.ConstantTimeCompare`

// AgentPrefix compares only a prefix, but one longer than the constant:
// not the constant's own length, so not a magic check.
func AgentPrefix(r *http.Request) bool {
	k := []byte(r.Header.Get("X-Agent-Key"))
	return len(k) >= 20 && subtle.ConstantTimeCompare(k[:20], []byte(prefixKey)) == 1
}

const suffixKey = "Hy3Jw8Nc5Qb1Fd6G" // want `value compared by subtle.ConstantTimeCompare`

// AgentSuffix compares the end of the input: a suffix of the key's
// length is the key itself.
func AgentSuffix(r *http.Request) bool {
	k := []byte(r.Header.Get("X-Agent-Key"))
	return len(k) >= len(suffixKey) && subtle.ConstantTimeCompare(k[len(k)-len(suffixKey):], []byte(suffixKey)) == 1
}
