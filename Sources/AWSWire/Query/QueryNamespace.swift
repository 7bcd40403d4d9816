/// The XML namespaces of the query services' answers.
enum QueryNamespace {
    /// IAM, API version 2010-05-08.
    static let iam = "https://iam.amazonaws.com/doc/2010-05-08/"
    /// STS, API version 2011-06-15.
    static let sts = "https://sts.amazonaws.com/doc/2011-06-15/"
}
