import KinesisSim

extension QueryError {
    /// The query protocol's spelling of an IAM or STS error.
    init(_ error: IAMError) {
        self.init(error.code.rawValue, error.message, status: error.httpStatus)
    }
}
