// A library the missing_dep plugin links against; it is built where the loader will not
// look, so loading missing_dep fails on the dependency.
extern "C" __attribute__((visibility("default"))) int hl_vanishing_dep_value() {
  return 7;
}
