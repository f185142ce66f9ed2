#pragma once
// After a whole-document validation of a large config, hands the small blocks it freed back to glibc in one
// go. Otherwise they stay in glibc's fast bins until the next allocation of a larger block coalesces them
// all, and that allocation was the user's first edit after opening the config (docs/performance.md,
// "Editing").
namespace ckstudio {

struct UserConfig;

// Call on ConfigDocument::wholeDocumentValidated(); does nothing for small configs or without glibc.
void tidyHeapAfterValidating(const UserConfig& config);

} // namespace ckstudio
