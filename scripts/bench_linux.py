"""scripts/bench_linux.py - Debian's Linux for `make bench-linux` (docs/bench.md):
the kernel package fetched with apt-get download (never installed on the host),
unpacked with dpkg-deb -x, and an initramfs of the benchmark binaries with the
runner as /init and the modules of the virtio disk (Debian builds them as modules).
"""
import os
import re
import shutil
import subprocess

META_PACKAGE = "linux-image-amd64"
# The drivers of the swap disk: a virtio-blk PCI device (their dependencies come along).
DISK_MODULES = ["virtio_pci", "virtio_blk"]


class LinuxError(Exception):
    """Fetching or unpacking the kernel failed; the message says what to do."""


def apt_download(pkg, where):
    """Download the .deb of @pkg (NAME or NAME=VERSION) into @where; its path.
    When apt knows no such package (a machine that never ran apt-get update),
    runs apt-get update once, with sudo when not root, and tries again."""
    for attempt in (1, 2):
        p = subprocess.run(["apt-get", "download", pkg], cwd=where, capture_output=True, text=True)
        if p.returncode == 0:
            break
        if attempt == 2:
            raise LinuxError(f"apt-get download {pkg} failed:\n{p.stderr.strip()}")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False)
    name = pkg.split("=")[0]
    debs = sorted(f for f in os.listdir(where) if f.startswith(name + "_") and f.endswith(".deb"))
    if not debs:
        raise LinuxError(f"apt-get download {pkg} left no {name}_*.deb in {where}")
    return os.path.join(where, debs[-1])


def image_package(meta_deb):
    """The versioned kernel package the metapackage depends on, as NAME=VERSION."""
    depends = subprocess.run(["dpkg-deb", "-f", meta_deb, "Depends"], capture_output=True,
                             text=True, check=True).stdout
    m = re.search(r"(linux-image-[^\s,(]+)\s*\(=\s*([^)\s]+)\)", depends)
    if not m:
        raise LinuxError(f"{meta_deb}: no linux-image dependency in '{depends.strip()}'")
    return f"{m.group(1)}={m.group(2)}"


def fetch(workdir):
    """Fetch and unpack the current linux-image-amd64 under @workdir (once per
    version); returns (vmlinuz path, modules directory, package NAME=VERSION)."""
    debs = os.path.join(workdir, "debs")
    os.makedirs(debs, exist_ok=True)
    for f in os.listdir(debs):  # a fresh look each time: the candidate may have moved on
        os.remove(os.path.join(debs, f))
    pkg = image_package(apt_download(META_PACKAGE, debs))
    root = os.path.join(workdir, pkg.replace("=", "_"))
    if not os.path.isdir(root):
        deb = apt_download(pkg, debs)
        subprocess.run(["dpkg-deb", "-x", deb, root + ".tmp"], check=True)
        os.rename(root + ".tmp", root)
    boot = os.path.join(root, "boot")
    kernels = sorted(f for f in os.listdir(boot) if f.startswith("vmlinuz-"))
    moddirs = sorted(os.listdir(os.path.join(root, "lib", "modules")))
    if not kernels or not moddirs:
        raise LinuxError(f"{root}: no boot/vmlinuz-* or lib/modules/* in the package")
    return os.path.join(boot, kernels[-1]), os.path.join(root, "lib", "modules", moddirs[-1]), pkg


def module_depends(path):
    """The module names in the depends= entry of the .modinfo of the module at @path."""
    with open(path, "rb") as f:
        m = re.search(rb"\0depends=([^\0]*)\0", f.read())
    return [d for d in m.group(1).decode().split(",") if d] if m else []


def load_order(moddir, wanted):
    """The .ko paths under @moddir for the module names @wanted and what they
    depend on, each after its dependencies (finit_module needs that order)."""
    index = {}
    for dirpath, _, files in os.walk(moddir):
        for f in files:
            if f.endswith(".ko"):  # Debian 12 ships them uncompressed
                index[f[:-3].replace("-", "_")] = os.path.join(dirpath, f)
    order, seen = [], set()

    def visit(name, chain):
        if name in seen:
            return
        if name in chain:
            raise LinuxError(f"module dependency cycle: {' -> '.join(chain + [name])}")
        if name not in index:
            raise LinuxError(f"module {name} not found under {moddir}")
        for dep in module_depends(index[name]):
            visit(dep, chain + [name])
        seen.add(name)
        order.append(index[name])

    for name in wanted:
        visit(name, [])
    return order


def make_initramfs(out, bench_dir, moddir, stage):
    """Write the cpio newc archive @out: /init (the runner), /bench/* (every file of
    @bench_dir, the binaries our kernel's initrd has), /lib/modules/*.ko and
    /bench/modules listing them in load order (user/bench/lib/linux_init.c). No
    device nodes: /init mounts devtmpfs. @stage is the scratch tree."""
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bench_dir, os.path.join(stage, "bench"))
    shutil.copy2(os.path.join(bench_dir, "run"), os.path.join(stage, "init"))
    os.makedirs(os.path.join(stage, "lib", "modules"))
    listed = []
    for ko in load_order(moddir, DISK_MODULES):
        shutil.copy2(ko, os.path.join(stage, "lib", "modules"))
        listed.append("/lib/modules/" + os.path.basename(ko))
    with open(os.path.join(stage, "bench", "modules"), "w") as f:
        f.write("".join(p + "\n" for p in listed))
    files = subprocess.run(["find", ".", "-mindepth", "1"], cwd=stage, capture_output=True,
                           text=True, check=True).stdout
    listing = "".join(sorted(files.splitlines(keepends=True)))
    with open(out, "wb") as f:
        subprocess.run(["cpio", "--quiet", "-o", "-H", "newc"], cwd=stage, input=listing.encode(),
                       stdout=f, check=True)
