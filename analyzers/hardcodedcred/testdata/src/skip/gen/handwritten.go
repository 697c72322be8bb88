package gen

// The hand-written file of the same package is analyzed.
var apiToken = "Zq8Wx7Ec6Rv5Tb4Y" // want `token in var apiToken is a string literal`
