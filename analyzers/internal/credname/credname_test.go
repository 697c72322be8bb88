package credname

import "testing"

func TestClassify(t *testing.T) {
	for name, want := range map[string]Kind{
		"accessToken": Token,
		// Kubernetes image pull secrets are Secrets' names; other
		// secrets and a Docker config.json are credentials. An
		// auth header's name may hold the header's name (OliveTin's
		// AuthHeader: "X-Hub-Signature-256") as well as its value.
		"ImagePullSecrets":         None,
		"RepoSyncImagePullSecrets": None,
		"pullSecret":               None,
		"registrySecrets":          Secret,
		"AuthorizationHeader":      None,
		"authHeader":               None,
		"DockerConfigJson":         Credential,
		"dockerconfigjson":         Credential,
		"configJson":               None,
		"PushDeviceToken":          None,
		"apnsToken":                None,
		"fcmRegistrationToken":     None,
		"pushToken":                None,
		"deviceToken":              Token,
		"apnsAuthToken":            Token,
		"pushSecret":               Secret,
		"registrationToken":        Token,
		"GetIDForToken":            None,
		"userFromToken":            None,
		"expiryOfSecret":           None,
		"tokenForUser":             Token,
		"passwordFromEnv":          Password,
		"accessTokenByID":          Token,
		"forToken":                 Token,
		"AccessToken":              Token,
		"db_password":              Password,
		"clientSecret":             ClientSecret,
		"ClientSecretV":            None,
		"apiKey":                   APIKey,
		"APIKey":                   APIKey,
		"STRIPE_API_KEY":           APIKey,
		"privateKeyPEM":            PrivateKey,
		"bearer":                   Token,
		"authorization":            Credential,
		"githubPAT":                Token,
		"tokenURL":                 None,
		"TokenEndpoint":            None,
		"secretName":               None,
		"KeyID":                    None,
		"passwordField":            None,
		"apiKeyHeader":             None,
		"tokenType":                None,
		"refreshTokenTTL":          None,
		"cacheKey":                 None,
		"GoogleKey":                APIKey,
		"allowCredentialsStr":      None,
		"IguazioSessionCookie":     Credential,
		"sessionCookieName":        None,
		"SessionCookieDomain":      None,
		"authCookie":               Credential,
		"AllowCredentials":         None,
		"withCredentials":          None,
		"clientCredentials":        Credential,
		"TLSSecret":                None,
		"tls_secret":               None,
		"nginx.ingress.kubernetes.io/auth-secret": None,
		"auth-secret":        Secret,
		"mapboxKey":          APIKey,
		"STRIPE_KEY":         APIKey,
		"openaiKeys":         APIKey,
		"objectKey":          None,
		"redisKey":           None,
		"segmentKey":         None,
		"googleKeyID":        None,
		"key":                None,
		"pat":                None,
		"GITHUB_PAT":         Token,
		"GitLabPAT":          Token,
		"github_pat":         Token,
		"ghPat":              Token,
		"personalPat":        Token,
		"rwPat":              None,
		"hostPat":            None,
		"url_pat":            None,
		"namePatValue":       None,
		"tokenCount":         None,
		"passwordMinLength":  None,
		"pw":                 Password,
		"adminPw":            Password,
		"db_pw":              Password,
		"pwHash":             None,
		"pwFile":             None,
		"BasicAuthPass":      Password,
		"smtpPass":           Password,
		"DB_PASS":            Password,
		"ldap_bind_pass":     Password,
		"pass":               None,
		"firstPass":          None,
		"renderPass":         None,
		"passThrough":        None,
		"userPassCount":      None,
		"bypass":             None,
		"requestToken":       None,
		"request-token":      None,
		"pollToken":          None,
		"accessRequestToken": None,
		"requestAccessToken": Token,
	} {
		if got := Classify(name); got != want {
			t.Errorf("Classify(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	got := Words("X-API-Key")
	if len(got) != 3 || got[0] != "x" || got[1] != "api" || got[2] != "key" {
		t.Errorf("Words(X-API-Key) = %v", got)
	}
	got = Words("clientSecretV2")
	if len(got) != 3 || got[2] != "v2" {
		t.Errorf("Words(clientSecretV2) = %v", got)
	}
}

func TestHeaders(t *testing.T) {
	for h, want := range map[string]bool{
		"Authorization": true, "X-Stripe-Api-Key": true, "X-Auth-Token": true, "Cookie": true,
		"Content-Type": false, "X-Request-Id": false, "X-Token-Expiry": false,
		// A custom header whose last word is "key" carries a key, unless
		// a word says which kind of key is no credential.
		"X-Merchant-Key": true, "X-Bot-Key": true, "X-Hook-Key": true,
		"X-Idempotency-Key": false, "Idempotency-Key": false, "X-Cache-Key": false, "X-Public-Key": false,
		"X-Partition-Key": false, "Sec-WebSocket-Key": false, "X-Event-Key": false,
		"X-Hook-Event-Key": false, "X-Webhook-Key": true,
		// Without the retired X- prefix (RFC 6648).
		"Linx-Delete-Key": true, "DD-API-KEY": true, "Circle-Token": true, "Ocp-Apim-Subscription-Key": true,
		"Sec-WebSocket-Accept": false, "Next-Page": false, "Token": false,
	} {
		if got := IsCredentialHeader(h); got != want {
			t.Errorf("IsCredentialHeader(%q) = %v", h, got)
		}
	}
	for v, want := range map[string]bool{
		"GITHUB_TOKEN": true, "DB_PASSWORD": true, "AWS_SECRET_ACCESS_KEY": true, "SECRET_KEY_BASE": true,
		"VAULT_TOKEN": true, "SMTP_PASSWORD_2": true,
		// Near misses: about a credential or its service, holding none.
		"TOKEN_URL": false, "HOME": false, "SECRET_NAME": false, "SECRET_MANAGER_EMULATOR_HOST": false,
		"TOKEN_SERVER_ADDR": false, "VAULT_TOKEN_FILE": false, "PASSWORD_RESET_TIMEOUT": false,
		"CREDENTIALS_DIRECTORY": false, "SECRETS_FOLDER": false, "CREDENTIALS_JSON": true,
		"SECRETS_STORE_REGION": false,
		// Switches about a credential feature, and keys that are no
		// environment variable.
		"UNSAFE_DISABLE_PASSWORD_PROJECTION": false, "SKIP_TOKEN_CHECK": false, "password.outcome": false,
		"ENABLE_API_KEY_AUTH": false,
	} {
		if got := IsCredentialEnvVar(v); got != want {
			t.Errorf("IsCredentialEnvVar(%q) = %v", v, got)
		}
	}
}

func TestHashed(t *testing.T) {
	for name, want := range map[string]bool{
		"hashedPassword": true, "PasswordHash": true, "tokenDigest": true, "encryptedKey": true,
		"bcryptSecret": true, "password": false, "accessToken": false, "hashtag": false,
	} {
		if got := Hashed(name); got != want {
			t.Errorf("Hashed(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsCredentialParam(t *testing.T) {
	cases := map[string]bool{
		"token": true, "access_token": true, "access-token": true, "accessToken": true,
		"AccessToken": true, "api_key": true, "apiKey": true, "APIKEY": true, "client_secret": true,
		"clientSecret": true, "refreshToken": true, "id_token": true, "auth_token": true, "Password": true,
		"sig": true,
		// Near misses: about a credential, or no credential at all.
		"tokenType": false, "token_type": false, "keyId": false, "nextPageToken": false, "page": false, "deltaToken": false, "nextDeltaToken": false,
		"accessTokenURL": false, "client_id": false, "redirect_uri": false, "state": false,
	}
	for name, want := range cases {
		if got := IsCredentialParam(name); got != want {
			t.Errorf("IsCredentialParam(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestHashOfCredential(t *testing.T) {
	for name, want := range map[string]bool{
		"PassHash": true, "tokenHash": true, "hashedPassword": true, "SecretDigest": true,
		"hash": true, "Digest": true, "otp_hash": true, "APIKeyHash": true,
		"KeyExpressionHash": false, "HashedKeyExpression": false, "contentHash": false,
		"EvaluatedKeyHash": false, "fileChecksum": false,
	} {
		if got := HashOfCredential(name); got != want {
			t.Errorf("HashOfCredential(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsOneTimeCode(t *testing.T) {
	for name, want := range map[string]bool{
		"otp": true, "OTT": true, "hardCodedOTT": true, "totp": true, "passcode": true,
		"verificationCode": true, "otp_code": true, "loginCode": true, "oneTimeCode": true,
		"recoveryCodes": true, "mfaCodeValue": true,
		"code": false, "statusCode": false, "errCode": false, "countryCode": false,
		"langCode": false, "otpURL": false, "otpIssuer": false, "otpLength": false,
		"codeVerifier": false, "authCode": false, "qrCode": false,
	} {
		if got := IsOneTimeCode(name); got != want {
			t.Errorf("IsOneTimeCode(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]Kind{"otp": Password, "ott": Password, "otpSecret": Secret, "otpIssuer": None, "otpURL": None} {
		if got := Classify(name); got != want {
			t.Errorf("Classify(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCursorField(t *testing.T) {
	for _, c := range []struct {
		owner, field string
		want         bool
	}{
		{"Pagination", "token", true},
		{"ListCursor", "Token", true},
		{"ContinuationState", "Tokens", true},
		{"Lexer", "token", true},
		{"PaginationAuth", "AccessToken", false},
		{"Session", "token", false},
		{"LoginPage", "Token", false},
		{"", "token", false},
		{"Pagination", "size", false},
		{"ConsistencyToken", "Token", true},
		{"RevisionToken", "token", true},
		{"RevisionToken", "AuthToken", false},
	} {
		if got := CursorField(c.owner, c.field); got != c.want {
			t.Errorf("CursorField(%q, %q) = %v, want %v", c.owner, c.field, got, c.want)
		}
	}
}

func TestConsistencyHolder(t *testing.T) {
	for _, c := range []struct {
		holder, field string
		only          bool
		want          bool
	}{
		{"Consistency_AtLeastAsFresh", "AtLeastAsFresh", true, true},
		{"Consistency_AtExactSnapshot", "AtExactSnapshot", true, true},
		{"ReadRequest", "AtRevision", false, true},
		{"Revision", "Session", false, false},
		{"Consistency_Lease", "LeaseSecret", true, false},
		{"Credentials", "Bearer", true, false},
		{"CheckResponse", "CheckedAt", false, false},
	} {
		if got := ConsistencyHolder(c.holder, c.field, c.only); got != c.want {
			t.Errorf("ConsistencyHolder(%q, %q, %v) = %v, want %v", c.holder, c.field, c.only, got, c.want)
		}
	}
}

func TestAccessKeyNames(t *testing.T) {
	for _, c := range []struct {
		name           string
		access, secret bool
	}{
		{"AccessKey", true, false},
		{"accessKey", true, false},
		{"access_key", true, false},
		{"S3_ACCESS_KEY", true, false},
		{"awsAccessKey", true, false},
		{"AccessKeyID", false, false},
		{"SecretKey", false, true},
		{"secretAccessKey", false, true},
		{"AccessKeySecret", false, true},
		{"accessSecret", false, true},
		{"apiKey", false, false},
		{"accessToken", false, false},
	} {
		if got := AccessKeyName(c.name); got != c.access {
			t.Errorf("AccessKeyName(%q) = %v, want %v", c.name, got, c.access)
		}
		if got := SecretKeyName(c.name); got != c.secret {
			t.Errorf("SecretKeyName(%q) = %v, want %v", c.name, got, c.secret)
		}
	}
}

func TestLeaseToken(t *testing.T) {
	for _, c := range []struct {
		context, name string
		want          bool
	}{
		{"Lock", "Token", true},
		{"LockRequest", "RenewToken", true},
		{"LockManager Unlock", "token", true},
		{"LeaseStore Renew", "leaseToken", true},
		{"Lock", "AccessToken", false},
		{"Session", "token", false},
		{"Block", "token", false},
		{"Unlock", "recoveryToken", false},
		{"LeaseToken", "Token", false},
	} {
		if got := LeaseToken(c.context, c.name); got != c.want {
			t.Errorf("LeaseToken(%q, %q) = %v, want %v", c.context, c.name, got, c.want)
		}
	}
	if Classify("versionToken") != None || Classify("VersionToken") != None {
		t.Errorf("a version token is an entity tag, no credential")
	}
}

// A context token says where a caller runs (a mesh proxy's namespace,
// node and pod); a security context token is a credential.
func TestContextToken(t *testing.T) {
	for name, want := range map[string]bool{
		"contextToken": false, "ContextToken": false, "context_token": false, "GetContextToken": false,
		"securityContextToken": true, "SecurityContextToken": true, "token": true, "ctxToken": true,
	} {
		if got := Classify(name) != None; got != want {
			t.Errorf("Classify(%q) is a credential: %v, want %v", name, got, want)
		}
	}
	if !TokenKindFunc("parseContextToken") || TokenKindFunc("parseSecurityContextToken") {
		t.Error("TokenKindFunc: parseContextToken takes a context token, parseSecurityContextToken a credential")
	}
}

// A chat room's bare token is its address; a token type named for a
// room, a join token and another type's token are credentials.
func TestRoomToken(t *testing.T) {
	for _, c := range []struct {
		context, name string
		want          bool
	}{
		{"TalkRoom", "Token", true},
		{"Conversation", "token", true},
		{"TalkRoom", "JoinToken", false},
		{"RoomToken", "Token", false},
		{"RoomInvite", "Token", false},
		{"Session", "Token", false},
	} {
		if got := RoomToken(c.context, c.name); got != c.want {
			t.Errorf("RoomToken(%q, %q) = %v, want %v", c.context, c.name, got, c.want)
		}
	}
}
