// Package azurekey: Azure Storage account keys under account- or
// storage-key names, and the keys of Azure connection strings (azure.go).
// The emulator's published key stays a default-account note.
package azurekey

import "os"

// Config is a storage client's settings.
type Config struct {
	AccountName string
	AccountKey  string
	ConnString  string
	CacheKey    string
	StorageKey  string
}

const storageAccountKey = "LY4Ju9hFeFJaU7G+YC+BW6KB8xk6n/VXSpci0CRb7ACfFiqGa6ujLnzP2TcWxarfdmfmACaToNKZdM4vrukMQA==" // want `Azure Storage account key under storageAccountKey is a string literal: LY4J…\(88 chars\)$`

func setup() Config {
	os.Setenv("AZURE_STORAGE_KEY", "s37PRUFlZ7SyZ1sabZeeY5ehd8mOF4Y0e2jhGnKeeSHgevki1FpieVly8rxSDFRns3OuFaCcBGZK2AIDNKMyww==") // want `Azure Storage account key under AZURE_STORAGE_KEY is a string literal: s37P…\(88 chars\)$`
	_ = storageAccountKey
	return Config{
		AccountName: "prodstore",
		AccountKey:  "ARyLxpJJZZm31NvkIzreBcFovcm1ievwjjF5qO44pk7PgHNgRSo/1CDtppOKd7FlbKDQlYpmcbHg4n1hix8tvg==",                                                                                                 // want `Azure Storage account key under AccountKey is a string literal: ARyL…\(88 chars\)$`
		ConnString:  "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=h00sbK8C0Be2/Bn86bapEujoUh8huzuUyN8zRZl79Sx4cLy3V3AGi6F5XOGv9wLv2bq3oZpg4XNXVDyjGhuN8A==;EndpointSuffix=core.windows.net", // want `account key in an Azure connection string is a string literal: h00s…\(88 chars\)$`
	}
}

var serviceBus = "Endpoint=sb://prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=KT8MQ2Ld0IAeROzqGVPh0pMOwTgRmq7TexVLqotV3BE=" // want `shared access key in an Azure connection string is a string literal: KT8M…\(44 chars\)$`

// The emulator's published key, under a name and in a connection string:
// default-account notes (CWE-1392).
func emulator() {
	os.Setenv("AZURE_STORAGE_KEY", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==")                                                                                                                                           // want `Azure Storage account key under AZURE_STORAGE_KEY .*Azurite's\) well-known account key, a published default.*CWE-1392`
	os.Setenv("AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;") // want `account key in an Azure connection string .*Azurite's\) well-known account key, a published default.*CWE-1392`
}

// Near misses.
func nearMisses() Config {
	// An account's cache key, a lookup key: not base64 of 64 bytes.
	const accountKey = "acct:users:v1"
	_ = accountKey
	// A storage key that is an object's path.
	os.Setenv("STORAGE_KEY", "uploads/2024/avatars/default.png")
	// 32 bytes under an account-key name: a digest, not a storage key.
	os.Setenv("ACCOUNT_KEY", "BXgSGE6KrVJCLKj0Do5m2YvsfvR3jJHgWwNYtzJoWeY=")
	// A connection string with a placeholder, one with no key, the
	// Service Bus emulator's placeholder key, a lone key=value pair.
	os.Setenv("AZ_CONN", "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=<your-account-key>;EndpointSuffix=core.windows.net")
	os.Setenv("AZ_CONN2", "DefaultEndpointsProtocol=https;AccountName=prodstore;EndpointSuffix=core.windows.net")
	os.Setenv("SB_CONN", "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;")
	os.Setenv("KV", "AccountKey=5w8JtORj9YYscaKN3D4u7F6OnjpPR2BMqYG4tGurc9nNfzpqtxDKcvvMrFauKOlAOQxlmsxb9n0kUbhGXew4EQ==")
	return Config{
		// 64 random bytes under a name that is no account or storage key.
		CacheKey:   "5w8JtORj9YYscaKN3D4u7F6OnjpPR2BMqYG4tGurc9nNfzpqtxDKcvvMrFauKOlAOQxlmsxb9n0kUbhGXew4EQ==",
		StorageKey: "tenants/acme/blob-index",
	}
}
