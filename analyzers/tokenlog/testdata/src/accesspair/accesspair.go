// Package accesspair signs requests with access key and secret key
// pairs, as S3 does: the access key is the key id, the secret key the
// credential.
package accesspair

import (
	"log"
	"net/http"
	"strings"
)

type credential struct {
	AccessKey string // want AccessKey:`plain: an access key id`
	SecretKey string
}

type store struct {
	byAccessKey map[string]*credential
}

func (s *store) lookup(accessKey string) (*credential, bool) {
	c, ok := s.byAccessKey[accessKey]
	if !ok {
		log.Printf("unknown access key %s", accessKey)
	}
	return c, ok
}

func (s *store) auth(r *http.Request) bool {
	accessKey := r.Header.Get("X-Amz-Key-Id")
	cred, ok := s.lookup(accessKey)
	if !ok {
		log.Printf("access denied for %s", accessKey)
		return false
	}
	log.Printf("request signed by %s", cred.AccessKey)
	log.Printf("signing with %s", cred.SecretKey) // want `secret in field SecretKey reaches log.Printf`
	return true
}

// awsKeys is the AWS spelling: the secret access key is the credential.
type awsKeys struct {
	AccessKeyID     string
	SecretAccessKey string
}

func useAWS(k awsKeys) {
	log.Printf("key id %s", k.AccessKeyID)
	log.Printf("secret %s", k.SecretAccessKey) // want `API key in field SecretAccessKey reaches log.Printf`
}

// v4Auth is what the Authorization header of a signed request names.
type v4Auth struct {
	AccessKey string // want AccessKey:`plain: an access key id`
	Signature string
}

func parseAuth(r *http.Request) v4Auth {
	parts := strings.Split(r.Header.Get("Authorization"), ",")
	if len(parts) < 2 {
		return v4Auth{}
	}
	return v4Auth{AccessKey: parts[0], Signature: parts[1]}
}

func verify(r *http.Request) {
	a := parseAuth(r)
	log.Printf("request from key %s", a.AccessKey)
	log.Printf("signature %s", a.Signature) // want `Authorization header returned by parseAuth reaches log.Printf`
}
