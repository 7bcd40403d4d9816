import LabKit

/// One lab in `kdslab progress`: its id, its title when the course knows it, its record.
struct ProgressRow: Equatable {
    var id: String
    var title: String?
    var progress: LabProgress
}
