package credname

import "testing"

func TestCredentialFile(t *testing.T) {
	for name, want := range map[string]Kind{
		"tokenFile":         Token,
		"TokenFilePath":     Token,
		"password_file":     Password,
		"clientSecretFile":  "client secret",
		"privateKeyPath":    PrivateKey,
		"credentialsFile":   Credential,
		"token":             None, // the credential itself
		"certFile":          None,
		"caFile":            None,
		"publicKeyPath":     None,
		"configPath":        None,
		"keyFile":           None, // "key" alone says no credential
		"passwordHashFile":  None,
		"nextPageTokenFile": None,
	} {
		if got := CredentialFile(name); got != want {
			t.Errorf("CredentialFile(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCredentialFileName(t *testing.T) {
	for base, want := range map[string]Kind{
		"token.json":        Token,
		"credentials.json":  Credential,
		"client_secret.txt": "client secret",
		"access-token":      Token,
		"id_rsa":            PrivateKey,
		".netrc":            Password,
		"/home/u/.pgpass":   Password,
		"id_rsa.pub":        None,
		"token.pub":         None,
		"config.json":       None,
		"cert.pem":          None,
		"ca-bundle.crt":     None,
		"password.sha256":   None,
		"token_hash.txt":    None,
	} {
		if got := CredentialFileName(base); got != want {
			t.Errorf("CredentialFileName(%q) = %q, want %q", base, got, want)
		}
	}
}
