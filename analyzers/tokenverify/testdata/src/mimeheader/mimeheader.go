// Package mimeheader: a protocol built like HTTP on net/textproto (an
// RTSP server's requests, go2rtc's tcp.Request) carries its
// Authorization in a textproto.MIMEHeader: a credential as in an
// http.Header.
package mimeheader

import (
	"encoding/base64"
	"net/textproto"
)

type Request struct {
	Method string
	Header textproto.MIMEHeader
}

type Auth struct {
	user, pass string
	header     string
}

// Validate checks an RTSP client's Basic credentials in variable time.
func (a *Auth) Validate(req *Request) bool {
	header := req.Header.Get("Authorization")
	if header == "" {
		return false
	}
	if a.header == "" {
		a.header = "Basic " + base64.StdEncoding.EncodeToString([]byte(a.user+":"+a.pass))
	}
	return header == a.header // want `Authorization header compared with ==`
}

// Near miss: another header of the same request.
func (a *Auth) SameSession(req *Request, session string) bool {
	return req.Header.Get("Session") == session
}
