// Package accesspair matches access key ids and compares secret keys.
package accesspair

type credential struct {
	AccessKey string
	SecretKey string
}

func find(creds []*credential, accessKey string) *credential {
	for _, c := range creds {
		if c.AccessKey == accessKey {
			return c
		}
	}
	return nil
}

func check(c *credential, presentedSecret string) bool {
	return c.SecretKey == presentedSecret // want `secret in field SecretKey compared with ==`
}

// lock is a lock's holding; its token is the holding's handle.
type lock struct {
	Token string
}

func release(l *lock, token string) bool {
	return l.Token == token
}
