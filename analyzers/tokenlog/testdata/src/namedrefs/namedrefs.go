// Package namedrefs logs values whose names read like credentials but
// name a setting or a reference: CORS's allow-credentials flag, an
// ingress's TLS Secret name, an annotation that names a Secret.
package namedrefs

import "log"

type CORS struct {
	AllowOrigins        []string
	allowCredentialsStr string
}

type IngressConfig struct {
	Host      string
	TLSSecret string
}

// PlatformConfig holds the session cookie the platform calls its
// leader with: the session itself.
type PlatformConfig struct {
	Ingress              IngressConfig
	IguazioSessionCookie string
}

type Trigger struct {
	URL      string
	Password string
}

func logSettings(c *CORS, ic *IngressConfig, t *Trigger, annotations map[string]string, pc *PlatformConfig) {
	log.Printf("cors: %+v", c)      // silent: a flag about credentials
	log.Printf("ingress: %+v", ic)  // silent: the name of a Secret
	log.Printf("platform: %+v", pc) // want `PlatformConfig with credential field IguazioSessionCookie is printed whole by log.Printf`
	log.Printf("trigger: %+v", t)   // want `Trigger with credential field Password is printed whole by log.Printf`
	name := annotations["nginx.ingress.kubernetes.io/auth-secret"]
	log.Printf("deleting auth secret %s", name) // silent: an annotation naming a Secret
	secret := annotations["auth-secret"]
	log.Printf("auth secret %s", secret) // want `secret in map entry "auth-secret" reaches log.Printf`
}
