// Package digestvendor: a presented credential hashed by a function of
// another module, whose name says digest (plik's vendored
// utils.Md5sum), against the stored digest is left alone; a function of
// this module only named so, a MAC of another module and a function that
// says nothing are reported.
package digestvendor

import (
	"net/http"

	"github.com/root-gg/utils"
)

type upload struct {
	Password string
	Token    string
	key      []byte
}

// Md5sum is this module's own, and returns its input.
func Md5sum(s string) string { return s }

func (u *upload) basic(w http.ResponseWriter, r *http.Request) {
	md5sum, err := utils.Md5sum(r.Header.Get("Authorization"))
	if err != nil || md5sum != u.Password {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// Near misses: reported.

func (u *upload) ownNamed(w http.ResponseWriter, r *http.Request) {
	if Md5sum(r.Header.Get("Authorization")) != u.Password { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (u *upload) mac(w http.ResponseWriter, r *http.Request) {
	if utils.HMACSHA256(u.key, r.Header.Get("X-Upload-Token")) != u.Token { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (u *upload) trimmed(w http.ResponseWriter, r *http.Request) {
	if utils.Trim(r.Header.Get("X-Upload-Token")) != u.Token { // want `compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}
