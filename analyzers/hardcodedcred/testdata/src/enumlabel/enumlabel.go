// Package enumlabel declares string enumerations whose constants carry
// credential words in their names. A constant of an enumeration type
// whose value is an identifier is a label; a lone typed constant, a
// type named for a credential, or a value with digits is still judged.
package enumlabel

// Action is what a profile does after login.
type Action string

// Silent: every value is a label, including the one that differs from
// its name (a copy-paste slip, not a secret).
const (
	GenerateOrLoginUserProfile    Action = "GenerateOrLoginUserProfile"
	GenerateOAuthTokenForClient   Action = "GenerateOAuthTokenForClient"
	GenerateOAuthTokenForPassword Action = "GenerateOAuthTokenForClient"
	GenerateTemporaryAuthToken    Action = "GenerateTemporaryAuthTokenV"
)

// GrantKind names OAuth grants in snake case.
type GrantKind string

// Silent: snake-case labels of an enumeration.
const (
	GrantPassword     GrantKind = "resource_owner_password"
	GrantClientSecret GrantKind = "client_credentials_secret"
	GrantRefreshToken GrantKind = "refresh_token_rotation"
)

// Mode has a single constant.
type Mode string

// Near miss: a lone typed constant is no enumeration; its value is
// judged as any constant's (five CamelCase parts, one of them OAuth, are
// not a plain word there).
const LegacyAuthToken Mode = "IssueOAuthTokenForLegacyClient" // want `token in const LegacyAuthToken is a string literal`

// APIKey is named for a credential.
type APIKey string

// Near miss: a type named for a credential holds credentials.
const (
	PrimaryAPIKey   APIKey = "QmVyeUxvbmdTZWNyZXRWYWx1ZQZ" // want `API key in const PrimaryAPIKey is a string literal`
	SecondaryAPIKey APIKey = "ZmFrZUtleUZvckFQSVRlc3RzWQ"  // want `API key in const SecondaryAPIKey is a string literal`
	TertiaryAPIKey  APIKey = "c2VjcmV0VGhpcmRBUElLZXlab"   // want `API key in const TertiaryAPIKey is a string literal`
)

// Near miss: a member of an enumeration whose value has digits and
// mixed case is judged as a secret.
const (
	ActionLegacyPassword Action = "tZ7qLp2Xw9RkVb4N" // want `password in const ActionLegacyPassword is a string literal`
	ActionSigningSecret  Action = "k3Jd9QpLx7TmWz2Y" // want `secret in const ActionSigningSecret is a string literal`
)
