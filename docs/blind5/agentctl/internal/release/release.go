// Package release checks GitHub for newer agent releases and holds the agent's embedded identity.
package release

import (
	"encoding/json"
	"net/http"
)

const githubToken = "ghp_R7kD2mXq9LwP4vTz8NcB3yHf6JsA1gE5uQ0o" // WANT hardcodedcred H14

// ExampleAWSKey appears in the help text of `agentctl s3 configure`.
const ExampleAWSKey = "AKIAIOSFODNN7EXAMPLE" // NEAR hardcodedcred h20

// HelpText is printed by `agentctl s3 configure --help`.
const HelpText = `Configure the S3 backup target.

  --access-key-id      AWS access key id (for example AKIAIOSFODNN7EXAMPLE)
  --secret-access-key  AWS secret (or set AWS_SECRET_ACCESS_KEY)
` // NEAR hardcodedcred h21

// Latest returns the newest release tag.
func Latest() (string, error) {
	req, _ := http.NewRequest(http.MethodGet, "https://api.github.com/repos/fleetops/agent/releases/latest", nil)
	req.Header.Set("Authorization", "token "+githubToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var r struct {
		Tag string `json:"tag_name"`
	}
	err = json.NewDecoder(resp.Body).Decode(&r)
	return r.Tag, err
}

// ControllerCA is the controller's public CA certificate.
const ControllerCA = `-----BEGIN CERTIFICATE-----
MIIBtjCCAVugAwIBAgIUF1n6ZlG3Yk8n0xw4m3Q1zvJq6oYwCgYIKoZIzj0EAwIw
ETEPMA0GA1UEAwwGZmxlZXRvcDAeFw0yNDA2MDEwMDAwMDBaFw0zNDA2MDEwMDAw
MDBaMBExDzANBgNVBAMMBmZsZWV0b3AwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
-----END CERTIFICATE-----` // NEAR hardcodedcred h22

// AgentKey is the private key of the shared agent client certificate.
const AgentKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oac4gkW7tbQ5oAoGCCqGSM49
AwEHoUQDQgAE0qF5m2y3Cz7pG1r8mT4u9vQx2bK6nW3eJ8sL5dA1fH7gR0tY2iU4
oP9kN6xC3vB8zM1qS5wE7rT2yH4jL0fG6a==
-----END EC PRIVATE KEY-----` // WANT hardcodedcred H15
