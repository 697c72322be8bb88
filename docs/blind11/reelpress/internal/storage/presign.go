// Package storage presigns object URLs (AWS Signature Version 4, query form) so that players
// and the transcoder farm fetch media straight from the bucket.
package storage

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"sort"
	"strings"
	"time"
)

type Presigner struct {
	Endpoint  string
	Region    string
	Bucket    string
	AccessKey string
	SecretKey string
	Log       *slog.Logger
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// GetURL returns a URL that allows GET of object for ttl.
func (p *Presigner) GetURL(object string, ttl time.Duration) (string, error) {
	u, err := url.Parse(p.Endpoint)
	if err != nil {
		return "", err
	}
	now := time.Now().UTC()
	date := now.Format("20060102")
	scope := date + "/" + p.Region + "/s3/aws4_request"
	path := "/" + p.Bucket + "/" + strings.TrimLeft(object, "/")

	q := url.Values{}
	q.Set("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
	q.Set("X-Amz-Credential", p.AccessKey+"/"+scope)
	q.Set("X-Amz-Date", now.Format("20060102T150405Z"))
	q.Set("X-Amz-Expires", fmt.Sprint(int(ttl.Seconds())))
	q.Set("X-Amz-SignedHeaders", "host")

	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var cq []string
	for _, k := range keys {
		cq = append(cq, url.QueryEscape(k)+"="+url.QueryEscape(q.Get(k)))
	}
	canonical := strings.Join([]string{"GET", path, strings.Join(cq, "&"), "host:" + u.Host + "\n", "host", "UNSIGNED-PAYLOAD"}, "\n")
	sum := sha256.Sum256([]byte(canonical))
	toSign := strings.Join([]string{"AWS4-HMAC-SHA256", now.Format("20060102T150405Z"), scope, hex.EncodeToString(sum[:])}, "\n")

	k := hmacSHA256([]byte("AWS4"+p.SecretKey), date)
	k = hmacSHA256(k, p.Region)
	k = hmacSHA256(k, "s3")
	k = hmacSHA256(k, "aws4_request")
	sig := hex.EncodeToString(hmacSHA256(k, toSign))

	p.Log.Debug("presigned", "object", object, "expires_in", ttl, "access_key", p.AccessKey) // NEAR tokenlog t04
	return u.Scheme + "://" + u.Host + path + "?" + strings.Join(cq, "&") + "&X-Amz-Signature=" + sig, nil
}
