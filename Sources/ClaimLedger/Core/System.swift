#if canImport(Glibc)
  import Glibc
#endif

/// Facts about the machine.
enum System {
  /// How many processors may run this process's threads.
  static var activeProcessorCount: Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  }
}
