package inbound

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Slack verifies X-Slack-Signature (v0 scheme).
func (rc *Receiver) Slack(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	ts := r.Header.Get("X-Slack-Request-Timestamp")
	mac := hmac.New(sha256.New, []byte(rc.S.Slack))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	got, err := hex.DecodeString(strings.TrimPrefix(r.Header.Get("X-Slack-Signature"), "v0="))
	if err != nil || !bytes.Equal(mac.Sum(nil), got) { // WANT tokenverify V12
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	rc.Enqueue("slack", "event", body)
	w.WriteHeader(http.StatusOK)
}

// SlackCommand handles slash commands of the old app, which still uses the verification token.
func (rc *Receiver) SlackCommand(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("token") != rc.S.SlackVerifTok { // WANT tokenverify V13
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	if r.PostForm.Get("command") == "/deploy" { // NEAR tokenverify v16
		rc.Enqueue("slack", "deploy", []byte(r.PostForm.Encode()))
	}
	w.WriteHeader(http.StatusOK)
}

// Twilio verifies X-Twilio-Signature: base64 HMAC-SHA1 of the URL and the sorted form parameters.
func (rc *Receiver) Twilio(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	expected := twilioSignature(rc.S.Twilio, "https://"+r.Host+r.URL.RequestURI(), r.PostForm)
	if r.Header.Get("X-Twilio-Signature") == expected { // WANT tokenverify V14
		rc.Enqueue("twilio", r.PostForm.Get("SmsStatus"), []byte(r.PostForm.Encode()))
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Error(w, "bad signature", http.StatusForbidden)
}

// TwilioV2 decodes the signature and uses hmac.Equal.
func (rc *Receiver) TwilioV2(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	expected, _ := base64.StdEncoding.DecodeString(twilioSignature(rc.S.Twilio, "https://"+r.Host+r.URL.RequestURI(), r.PostForm))
	got, err := base64.StdEncoding.DecodeString(r.Header.Get("X-Twilio-Signature"))
	if err != nil || !hmac.Equal(got, expected) { // NEAR tokenverify v17
		http.Error(w, "bad signature", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func twilioSignature(authToken, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range keys {
		b.WriteString(k)
		b.WriteString(form.Get(k))
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
