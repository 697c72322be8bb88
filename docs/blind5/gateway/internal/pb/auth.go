// Package pb holds the gateway's auth messages. Hand-written in the shape protoc-gen-go produces
// (getters that tolerate a nil receiver) until the build runs protoc.
package pb

// LoginRequest is auth.v1.LoginRequest.
type LoginRequest struct {
	Username string `json:"username,omitempty"`
	Password string `json:"password,omitempty"`
	OtpCode  string `json:"otp_code,omitempty"`
}

func (x *LoginRequest) GetUsername() string {
	if x != nil {
		return x.Username
	}
	return ""
}

func (x *LoginRequest) GetPassword() string {
	if x != nil {
		return x.Password
	}
	return ""
}

func (x *LoginRequest) GetOtpCode() string {
	if x != nil {
		return x.OtpCode
	}
	return ""
}

// TokenResponse is auth.v1.TokenResponse.
type TokenResponse struct {
	AccessToken string `json:"access_token,omitempty"`
	ExpiresIn   int32  `json:"expires_in,omitempty"`
	TokenType   string `json:"token_type,omitempty"`
}

func (x *TokenResponse) GetAccessToken() string {
	if x != nil {
		return x.AccessToken
	}
	return ""
}

func (x *TokenResponse) GetExpiresIn() int32 {
	if x != nil {
		return x.ExpiresIn
	}
	return 0
}

// ApiKeyRequest is auth.v1.ApiKeyRequest.
type ApiKeyRequest struct {
	KeyId  string `json:"key_id,omitempty"`
	Secret string `json:"secret,omitempty"`
}

func (x *ApiKeyRequest) GetKeyId() string {
	if x != nil {
		return x.KeyId
	}
	return ""
}

func (x *ApiKeyRequest) GetSecret() string {
	if x != nil {
		return x.Secret
	}
	return ""
}
