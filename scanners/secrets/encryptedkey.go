package secrets

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"strings"
)

// roleEncryptedKey is a private key sealed with a password: whoever
// holds the file still needs the password to use it. Its security rests
// on that password, and projects commit such keys on purpose (cosign's
// release-signing key, with the password in CI's secrets), so it is
// reported at warning at most.
const roleEncryptedKey = "a password-encrypted private key, whose security rests on its password"

// encryptedPEM reports whether the PEM block v holds an encrypted private
// key: a label that says so (ENCRYPTED PRIVATE KEY, ENCRYPTED COSIGN
// PRIVATE KEY), a legacy Proc-Type: 4,ENCRYPTED header, or an OpenSSH key
// whose cipher is not "none".
func encryptedPEM(v string) bool {
	m := pemBegin.FindStringSubmatch(v[:min(len(v), 120)])
	if m == nil || !strings.Contains(m[1], "PRIVATE") {
		return false
	}
	if strings.Contains(m[1], "ENCRYPTED") || strings.Contains(v, "Proc-Type: 4,ENCRYPTED") {
		return true
	}
	if m[1] == "OPENSSH PRIVATE KEY" {
		return opensshCipher(v) != "none" && opensshCipher(v) != ""
	}
	return false
}

// opensshCipher returns the cipher name of an OpenSSH private key
// ("none" when unencrypted), or "" when the block cannot be read.
func opensshCipher(v string) string {
	i := strings.Index(v, "-----\n")
	j := strings.Index(v, "-----END")
	if i < 0 || j <= i {
		return ""
	}
	body := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, v[i+len("-----\n"):j])
	// The magic and the cipher name sit in the first bytes.
	b, err := base64.StdEncoding.DecodeString(body[:min(len(body), 64)&^3])
	if err != nil {
		return ""
	}
	const magic = "openssh-key-v1\x00"
	if !bytes.HasPrefix(b, []byte(magic)) || len(b) < len(magic)+4 {
		return ""
	}
	b = b[len(magic):]
	n := int(binary.BigEndian.Uint32(b))
	if n > 64 || len(b) < 4+n {
		return ""
	}
	return string(b[4 : 4+n])
}
