// Keeps the library non-empty until its widgets land; the owner removes this file.
namespace ckstudio { int uiClickHousePlaceholder = 0; }
