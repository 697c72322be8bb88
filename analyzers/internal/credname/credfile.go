package credname

import "strings"

// fileWords end a name that holds a file's path or name rather than
// its content: tokenFile, passwordPath, clientSecretFilename.
var fileWords = map[string]bool{
	"file": true, "path": true, "filename": true, "filepath": true, "fname": true, "location": true,
}

// notSecretFileWords say a file holds something public or no
// credential at all, whatever else its name says: a public key or
// certificate, a CA bundle.
var notSecretFileWords = map[string]bool{
	"public": true, "pub": true, "cert": true, "certificate": true, "ca": true, "crt": true,
}

// CredentialFile returns the kind of credential held in the file whose
// path a variable, field or parameter named name holds: tokenFile,
// passwordPath, clientSecretFile, privateKeyPath, credentialsFile. It
// returns None for other names, for a credential named without a file
// word (the value is then the credential itself, Classify's business),
// and for files of public material (publicKeyPath, certFile, caFile).
func CredentialFile(name string) Kind {
	w := Words(name)
	n := len(w)
	for n > 0 && fileWords[w[n-1]] {
		n--
	}
	if n == len(w) || n == 0 {
		return None
	}
	for _, x := range w[:n] {
		if notSecretFileWords[x] {
			return None
		}
	}
	head := strings.Join(w[:n], "_")
	if Hashed(head) {
		return None
	}
	return Classify(head)
}

// secretFileNames are the usual names of files that hold credentials
// whose names no word of Classify's says: SSH private keys, netrc, the
// git credential store, PostgreSQL's password file.
var secretFileNames = map[string]Kind{
	"id_rsa": PrivateKey, "id_ed25519": PrivateKey, "id_ecdsa": PrivateKey, "id_dsa": PrivateKey,
	".netrc": Password, "_netrc": Password, ".pgpass": Password, ".git-credentials": Token,
}

// CredentialFileName returns the kind of credential a file called base
// (the last element of a path, "token.json") holds: a credential word
// before its extensions (token.json, credentials.json, client_secret.txt,
// access-token, api_key.yaml), or a well-known secret file (id_rsa,
// .netrc, .pgpass). Public material (token.pub, id_rsa.pub, cert.pem)
// and hashes are None.
func CredentialFileName(base string) Kind {
	base = strings.ToLower(strings.TrimSpace(base))
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if k, ok := secretFileNames[base]; ok {
		return k
	}
	stem := base
	for {
		i := strings.LastIndex(stem, ".")
		if i <= 0 {
			break
		}
		switch stem[i+1:] {
		case "pub", "crt", "cer", "cert":
			return None
		case "json", "txt", "yaml", "yml", "toml", "key", "pem", "secret", "dat", "conf", "cfg", "ini", "env":
			stem = stem[:i]
			continue
		}
		break
	}
	for _, x := range Words(stem) {
		if notSecretFileWords[x] {
			return None
		}
	}
	if Hashed(stem) {
		return None
	}
	return Classify(stem)
}
