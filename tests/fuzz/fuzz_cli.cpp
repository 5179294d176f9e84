// Fuzz test of the command line: runs the embedlab program on argument lists made at random
// (seeded) from its commands, its flags and hostile values, and checks its promise for each one:
// it exits with 0, 1 or 2, never by a signal, never with a sanitizer report, and a failure says
// one line on stderr of at most 300 characters. A run still going after 10 seconds (a valid
// command that trains long) is stopped and counted apart.
//   embedlab_fuzz_cli <embedlab> <work folder> <model file> <text file> <runs> <seed>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "rng.hpp"
#include "utf8.hpp"

extern char** environ;

namespace {

using Arguments = std::vector<std::string>;

struct Outcome {
  bool finished = true;  // false: stopped after the time limit
  int status = 0;        // waitpid's
  std::string stderr_text;
};

// Runs the program with the arguments, stdout to /dev/null and stderr to a file.
Outcome run(const std::string& program, const Arguments& arguments, const std::string& stderr_path) {
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  Outcome outcome;
  if (posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
    std::cerr << "cannot start " << program << '\n';
    std::exit(2);
  }
  posix_spawn_file_actions_destroy(&actions);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (waitpid(pid, &outcome.status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &outcome.status, 0);
      outcome.finished = false;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::ifstream file(stderr_path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  outcome.stderr_text = text.str();
  return outcome;
}

// What is wrong with an outcome, or "" when it keeps the promise.
std::string broken_promise(const Outcome& outcome) {
  const std::string& err = outcome.stderr_text;
  if (err.find("Sanitizer") != std::string::npos || err.find("runtime error") != std::string::npos) {
    return "a sanitizer report";
  }
  if (!outcome.finished) return "";
  if (WIFSIGNALED(outcome.status)) return "killed by signal " + std::to_string(WTERMSIG(outcome.status));
  const int code = WEXITSTATUS(outcome.status);
  if (code > 2) return "exit status " + std::to_string(code);
  if (code == 0) return "";
  const size_t line_end = err.find('\n');
  if (line_end == std::string::npos || line_end + 1 != err.size()) return "stderr is not one line";
  if (err.size() > 300) return "stderr has " + std::to_string(err.size()) + " characters";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::cerr << "usage: embedlab_fuzz_cli <embedlab> <work folder> <model file> <text file> <runs> <seed>\n";
    return 2;
  }
  const std::string program = argv[1], work = argv[2], model = argv[3], text = argv[4];
  const int runs = std::stoi(argv[5]);
  embedlab::Rng rng(std::stoull(argv[6]));
  auto pick = [&](const std::vector<std::string>& from) { return from[rng.below(static_cast<std::uint32_t>(from.size())).value()]; };

  const std::vector<std::string> junk_commands{"nonsense", "", "-h", "TRAIN", "--count", "-0", "\xff", "train-x"};
  const std::vector<std::string> flags{"--data", "--out", "--context", "--embed", "--hidden", "--batch", "--steps",
                                       "--lr", "--lr-final", "--decay-at", "--seed", "--init", "--model", "--count",
                                       "--temperature", "--top-k", "--top-p", "--max-length", "--vectors", "--metadata",
                                       "--", "-", "---x", "--steps=2", "--count=", "-x", "--help"};
  const std::vector<std::string> values{
      "", " 3", "3 ", "-0", "0", "1", "2", "3", "-1", "+1", "0x10", "010", "1e3", "1e39", "1e-50", "nan", "inf", "-inf",
      "0.5", "1.5", "18446744073709551616", "9223372036854775807", "-9223372036854775808", "4294967296", "1000001",
      std::string(5000, 'a'), std::string(300, '['), "\n", "a\nb", "\xff\xfe", "\xc3", "é", "emm", "--count", "lecture",
      "scaled", model, text, "/dev/zero", "/dev/null", "/dev/full", "/dev/stdout", work, work + "/missing.json",
      work + "/no/folder/out.json", work + "/out.json", work + "/vectors.tsv", work + "/metadata.tsv", "./" + text};
  // A valid command of each kind, quick to run, for the mutations to start from.
  const std::vector<Arguments> valid{
      {"train", "--data", text, "--out", work + "/out.json", "--steps", "2", "--hidden", "4"},
      {"sample", "--model", model, "--count", "2"},
      {"probs", "--model", model, "--context", "emm"},
      {"export", "--model", model, "--vectors", work + "/vectors.tsv", "--metadata", work + "/metadata.tsv"}};

  int failures = 0, timed_out = 0, by_code[3] = {0, 0, 0};
  for (int i = 0; i < runs; ++i) {
    // A valid command or a junk one; a value replaced by a hostile one; then up to 3 more flags.
    Arguments arguments = rng.uniform() < 0.9f ? valid[rng.below(4).value()] : Arguments{pick(junk_commands)};
    if (arguments.size() > 1 && rng.uniform() < 0.5f) {
      arguments[2 * rng.below(static_cast<std::uint32_t>((arguments.size() - 1) / 2)).value() + 2] = pick(values);
    }
    const int extra = rng.uniform() < 0.5f ? 0 : 1 + static_cast<int>(rng.below(3).value());
    for (int k = 0; k < extra; ++k) {
      arguments.push_back(pick(flags));
      if (rng.uniform() < 0.85f) arguments.push_back(pick(values));
    }
    const Outcome outcome = run(program, arguments, work + "/stderr.txt");
    const std::string wrong = broken_promise(outcome);
    if (!outcome.finished) ++timed_out;
    else if (!WIFSIGNALED(outcome.status) && WEXITSTATUS(outcome.status) <= 2) ++by_code[WEXITSTATUS(outcome.status)];
    if (wrong.empty()) continue;
    if (++failures <= 10) {
      std::cout << "run " << i << ": " << wrong << "\n  embedlab";
      for (const std::string& a : arguments) std::cout << ' ' << embedlab::quote(a);
      std::cout << "\n  stderr: " << embedlab::clip(outcome.stderr_text, 300) << '\n';
    }
  }
  std::cout << "tried " << runs << " argument lists: " << by_code[0] << " ran, " << by_code[1] << " refused (exit 1), "
            << by_code[2] << " bad command lines (exit 2), " << timed_out << " stopped after 10 s; " << failures
            << " broke the promise\n";
  return failures == 0 ? 0 : 1;
}
