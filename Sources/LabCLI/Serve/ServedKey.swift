/// One set of credentials `kdslab serve` prints in its banner: the access key, its secret and
/// whose it is.
struct ServedKey: Sendable, Equatable {
    /// The access key id (`admin`, a user's or a role's name).
    var accessKeyId: String
    /// The secret access key.
    var secretAccessKey: String
    /// Who signs in with it: `user/admin (administrator)`, `role/checkout-producer (acts as a session of the role)`.
    var owner: String
}
