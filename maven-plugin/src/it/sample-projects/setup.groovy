// Copies the repository's sample projects in beside the aggregator POM (samplesDirectory is an
// invoker script variable set in the plugin's POM), leaving the sources' own target folders behind.
for (sample in ['vulnerable-service', 'compliant-service']) {
  copy(new File(samplesDirectory, sample).toPath(), basedir.toPath().resolve(sample))
}
return true

def copy(from, to) {
  assert java.nio.file.Files.isDirectory(from) : "no sample project at ${from}"
  java.nio.file.Files.walk(from).withCloseable { paths ->
    paths.filter { !from.relativize(it).toString().startsWith('target') }.each { source ->
      def target = to.resolve(from.relativize(source).toString())
      if (java.nio.file.Files.isDirectory(source)) {
        java.nio.file.Files.createDirectories(target)
      } else {
        java.nio.file.Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
      }
    }
  }
}
