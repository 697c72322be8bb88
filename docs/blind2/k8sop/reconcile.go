package k8sop

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// SecretReader reads Kubernetes Secrets.
type SecretReader interface {
	Get(ctx context.Context, namespace, name, key string) (string, error)
}

// Reconciler triggers backups on the storage appliance.
type Reconciler struct {
	Secrets       SecretReader
	ApplianceHost string
}

// Trigger asks the appliance to start a backup using the credentials from the Secret.
func (r *Reconciler) Trigger(ctx context.Context, ns string, spec BackupJobSpec) error {
	pass, err := r.Secrets.Get(ctx, ns, spec.CredentialsSecret.Name, spec.CredentialsSecret.Key)
	if err != nil {
		return fmt.Errorf("read credentials secret %s/%s: %w", ns, spec.CredentialsSecret.Name, err)
	}
	endpoint := "http://" + r.ApplianceHost + ":8080/api/backup"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(spec.TargetURL))
	if err != nil {
		return err
	}
	req.SetBasicAuth("operator", pass)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Health checks the appliance's unauthenticated health endpoint.
func (r *Reconciler) Health(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+r.ApplianceHost+":8080/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// metricsEndpoint is scraped by Prometheus; bearer auth is optional.
const metricsEndpoint = "http://localhost:8383/metrics"
