// Package k8sop is the reconciler of the BackupJob custom resource.
package k8sop

import "time"

// SecretKeySelector points at a key of a Kubernetes Secret.
type SecretKeySelector struct {
	Name string `json:"name"`
	Key  string `json:"key"`
}

// BackupJobSpec is the desired state.
type BackupJobSpec struct {
	Schedule          string            `json:"schedule"`
	TargetURL         string            `json:"targetURL"`
	CredentialsSecret SecretKeySelector `json:"credentialsSecret"`
	PasswordSecretRef SecretKeySelector `json:"passwordSecretRef"`
	TokenExpiry       time.Duration     `json:"tokenExpiry"`
}

// Defaults applied by the mutating webhook.
const (
	DefaultCredentialsKey  = "password"
	DefaultTokenSecretName = "backup-operator-token"
	DefaultTargetURL       = "s3://backups"
	AnnotationToken        = "backup.acme.io/token"
	ctxCredentials         = "credentials"
)

// DefaultSpec is used when fields are omitted.
var DefaultSpec = BackupJobSpec{
	Schedule:          "0 3 * * *",
	TargetURL:         DefaultTargetURL,
	CredentialsSecret: SecretKeySelector{Name: DefaultTokenSecretName, Key: DefaultCredentialsKey},
	TokenExpiry:       24 * time.Hour,
}
