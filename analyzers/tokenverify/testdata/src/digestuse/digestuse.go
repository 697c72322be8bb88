// Package digestuse compares presented credentials hashed by another
// package's helpers with stored digests: a digest against a digest is
// left alone; a MAC or a value that may be the input itself is not.
package digestuse

import (
	"net/http"

	"digestlib"
)

type upload struct {
	Password string
	KeyHash  string
	Token    string
	macKey   []byte
}

func (u *upload) basic(w http.ResponseWriter, r *http.Request) {
	var md5sum string
	md5sum, err := digestlib.Md5sum(r.Header.Get("Authorization"))
	if err != nil {
		return
	}
	if md5sum != u.Password {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (u *upload) withError(w http.ResponseWriter, r *http.Request) {
	h, err := digestlib.SHA256Hex(r.Header.Get("X-Api-Key"))
	if err != nil || h != u.KeyHash {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (u *upload) oneResult(w http.ResponseWriter, r *http.Request) {
	if digestlib.Hash(r.Header.Get("X-Api-Key")) != u.KeyHash {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// Near misses: reported.

func (u *upload) mac(w http.ResponseWriter, r *http.Request) {
	sig, err := digestlib.Sign(u.macKey, r.Header.Get("X-Upload-Token"))
	if err != nil {
		return
	}
	if sig != u.Token { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (u *upload) maybeInput(w http.ResponseWriter, r *http.Request) {
	n, _ := digestlib.Normalize(r.Header.Get("X-Upload-Token"))
	if n != u.Token { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// A presented value against a digest of the program's own secret: the
// digest is the credential expected, and the caller steers its side.
func (u *upload) derivedToken(w http.ResponseWriter, r *http.Request) {
	expected := digestlib.Hash(string(u.macKey))
	if r.Header.Get("X-Upload-Token") != expected { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// A digest of the stored password and a salt the caller sends, against
// the token the caller sends (Subsonic's t = md5(password + s)).
func (u *upload) saltedByCaller(w http.ResponseWriter, r *http.Request) {
	t := digestlib.Hash(u.Password + r.URL.Query().Get("s"))
	if t != r.URL.Query().Get("token") { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}
