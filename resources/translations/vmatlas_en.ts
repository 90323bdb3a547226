<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Lab</name>
    <message>
        <source>Reserve and commit</source>
        <translation>Reserve and commit</translation>
    </message>
    <message>
        <source>Address space and memory are different things. A process can reserve a range of addresses without any memory behind it, commit part of it to make it usable, and only then do pages get RAM, one by one, when first touched. Windows names the steps MEM_RESERVE and MEM_COMMIT (VirtualAlloc); Linux does the same with mmap(PROT_NONE) and mprotect.</source>
        <translation>Address space and memory are different things. A process can reserve a range of addresses without any memory behind it, commit part of it to make it usable, and only then do pages get RAM, one by one, when first touched. Windows names the steps MEM_RESERVE and MEM_COMMIT (VirtualAlloc); Linux does the same with mmap(PROT_NONE) and mprotect.</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Commit a quarter</source>
        <translation>Commit a quarter</translation>
    </message>
    <message>
        <source>Touch some pages</source>
        <translation>Touch some pages</translation>
    </message>
    <message>
        <source>Decommit</source>
        <translation>Decommit</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>munmap hands the addresses back: the range is Free. Windows: VirtualFree(MEM_RELEASE).</source>
        <translation>munmap hands the addresses back: the range is Free. Windows: VirtualFree(MEM_RELEASE).</translation>
    </message>
    <message>
        <source>A section shared by two processes</source>
        <translation>A section shared by two processes</translation>
    </message>
    <message>
        <source>Create the section in A</source>
        <translation>Create the section in A</translation>
    </message>
    <message>
        <source>memfd_create + mmap(MAP_SHARED) in A: a Mapped region, rw-s. Its pages have no RAM yet. Windows: CreateFileMapping + MapViewOfFile.</source>
        <translation>memfd_create + mmap(MAP_SHARED) in A: a Mapped region, rw-s. Its pages have no RAM yet. Windows: CreateFileMapping + MapViewOfFile.</translation>
    </message>
    <message>
        <source>Write in A</source>
        <translation>Write in A</translation>
    </message>
    <message>
        <source>A writes a message in the first page: that page gets RAM, counted as file (a shared section&apos;s pages live in the page cache, like a file&apos;s).</source>
        <translation>A writes a message in the first page: that page gets RAM, counted as file (a shared section&apos;s pages live in the page cache, like a file&apos;s).</translation>
    </message>
    <message>
        <source>Map it in B and read</source>
        <translation>Map it in B and read</translation>
    </message>
    <message>
        <source>B writes, A reads</source>
        <translation>B writes, A reads</translation>
    </message>
    <message>
        <source>B writes a reply into the same page; A reads it at once: one set of pages, two views.</source>
        <translation>B writes a reply into the same page; A reads it at once: one set of pages, two views.</translation>
    </message>
    <message>
        <source>A read-only view</source>
        <translation>A read-only view</translation>
    </message>
    <message>
        <source>Copy-on-write: a private view of a file</source>
        <translation>Copy-on-write: a private view of a file</translation>
    </message>
    <message>
        <source>A file mapped privately shares the file&apos;s pages until the process writes: then that one page is copied and the copy becomes the process&apos;s own memory. The file on disk never changes. Windows calls this protection PAGE_WRITECOPY (a FILE_MAP_COPY view); it is how an exe or dll can be patched in one process only.</source>
        <translation>A file mapped privately shares the file&apos;s pages until the process writes: then that one page is copied and the copy becomes the process&apos;s own memory. The file on disk never changes. Windows calls this protection PAGE_WRITECOPY (a FILE_MAP_COPY view); it is how an exe or dll can be patched in one process only.</translation>
    </message>
    <message>
        <source>Map a file privately</source>
        <translation>Map a file privately</translation>
    </message>
    <message>
        <source>mmap(MAP_PRIVATE) of a file of the lab&apos;s own: a Mapped region, rw-p. Nothing is read yet.</source>
        <translation>mmap(MAP_PRIVATE) of a file of the lab&apos;s own: a Mapped region, rw-p. Nothing is read yet.</translation>
    </message>
    <message>
        <source>Read every page</source>
        <translation>Read every page</translation>
    </message>
    <message>
        <source>Write to page 2</source>
        <translation>Write to page 2</translation>
    </message>
    <message>
        <source>A write to the second page copies it: that page alone becomes anon, the process&apos;s own; the others stay file. The bytes on disk are unchanged.</source>
        <translation>A write to the second page copies it: that page alone becomes anon, the process&apos;s own; the others stay file. The bytes on disk are unchanged.</translation>
    </message>
    <message>
        <source>Copy-on-write after fork()</source>
        <translation>Copy-on-write after fork()</translation>
    </message>
    <message>
        <source>fork() does not copy memory: parent and child share every page, marked copy-on-write, and a page is copied only when one of them writes to it. A page mapped by one process only is exclusive; after fork it is not.</source>
        <translation>fork() does not copy memory: parent and child share every page, marked copy-on-write, and a page is copied only when one of them writes to it. A page mapped by one process only is exclusive; after fork it is not.</translation>
    </message>
    <message>
        <source>Write some pages</source>
        <translation>Write some pages</translation>
    </message>
    <message>
        <source>The parent allocates private memory and writes every page: anon pages, exclusive to it.</source>
        <translation>The parent allocates private memory and writes every page: anon pages, exclusive to it.</translation>
    </message>
    <message>
        <source>fork()</source>
        <translation>fork()</translation>
    </message>
    <message>
        <source>After fork the child maps the very same pages: they are no longer exclusive to either process.</source>
        <translation>After fork the child maps the very same pages: they are no longer exclusive to either process.</translation>
    </message>
    <message>
        <source>The child writes one page</source>
        <translation>The child writes one page</translation>
    </message>
    <message>
        <source>The child&apos;s write copies that page: the child gets its own copy and the parent&apos;s page is exclusive again. The other pages stay shared.</source>
        <translation>The child&apos;s write copies that page: the child gets its own copy and the parent&apos;s page is exclusive again. The other pages stay shared.</translation>
    </message>
    <message>
        <source>The page file (swap)</source>
        <translation>The page file (swap)</translation>
    </message>
    <message>
        <source>Fill anon pages and read a file</source>
        <translation>Fill anon pages and read a file</translation>
    </message>
    <message>
        <source>Private memory written (anon) and, right after it, a file read (file).</source>
        <translation>Private memory written (anon) and, right after it, a file read (file).</translation>
    </message>
    <message>
        <source>Page out</source>
        <translation>Page out</translation>
    </message>
    <message>
        <source>Touch them again</source>
        <translation>Touch them again</translation>
    </message>
    <message>
        <source>Reading the pages again brings them back: file pages from the file, swapped pages from swap.</source>
        <translation>Reading the pages again brings them back: file pages from the file, swapped pages from swap.</translation>
    </message>
    <message>
        <source>Images are shared</source>
        <translation>Images are shared</translation>
    </message>
    <message>
        <source>Two processes running the same program map the same file: its code pages are in RAM once, shared, so each process&apos;s PSS is below its RSS. Its data is mapped copy-on-write (PAGE_WRITECOPY for an exe or dll): a process that writes to it gets its own copy of that page, and the other keeps the file&apos;s.</source>
        <translation>Two processes running the same program map the same file: its code pages are in RAM once, shared, so each process&apos;s PSS is below its RSS. Its data is mapped copy-on-write (PAGE_WRITECOPY for an exe or dll): a process that writes to it gets its own copy of that page, and the other keeps the file&apos;s.</translation>
    </message>
    <message>
        <source>Run the program twice</source>
        <translation>Run the program twice</translation>
    </message>
    <message>
        <source>A second copy of the same program starts. Both map the same executable file as Image. Its PSS is not simply half its RSS: every other process running this program (the window, for one) maps the same pages too, and a shared page&apos;s PSS is divided among all of them, while pages only A has count whole.</source>
        <translation>A second copy of the same program starts. Both map the same executable file as Image. Its PSS is not simply half its RSS: every other process running this program (the window, for one) maps the same pages too, and a shared page&apos;s PSS is divided among all of them, while pages only A has count whole.</translation>
    </message>
    <message>
        <source>Write to the program&apos;s data in A</source>
        <translation>Write to the program&apos;s data in A</translation>
    </message>
    <message>
        <source>A writes to a variable in the program&apos;s data segment: that page is copied (anon) in A, while B still maps the file&apos;s page. The data segment held anon pages before this write: at start-up the dynamic loader wrote relocations (the run-time addresses of functions and variables) into some of its pages, which made private copies of them in both processes.</source>
        <translation>A writes to a variable in the program&apos;s data segment: that page is copied (anon) in A, while B still maps the file&apos;s page. The data segment held anon pages before this write: at start-up the dynamic loader wrote relocations (the run-time addresses of functions and variables) into some of its pages, which made private copies of them in both processes.</translation>
    </message>
    <message>
        <source>no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved %1 at %2: Reserved, no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committed %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touched %1 pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decommitted: %1, Reserved again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released %1 at %2: Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created a %1 section, mapped in A (PID %2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wrote &quot;Hello from A&quot; at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B (PID %1) mapped the section at %2 and read &quot;%3&quot;; in A: RSS %4, PSS %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B wrote &quot;Reply from B&quot;; A reads &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the write through the read-only view went through (unexpected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access violation: the view at %1 is read-only; the write was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapped %1 (%2) privately at %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read all pages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote at %1: %2; the file on disk is unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote at %1: %2; the file on disk CHANGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1 pages at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forked child PID %1; the parent&apos;s pages exclusive: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child wrote at %1; the parent&apos;s exclusive pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A (PID %1) and B (PID %2) run the same program. In A its image (%3 regions) has RSS %4, PSS %5; its code, the range shown, RSS %6, PSS %7 (PSS also divides by any other process running this program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing one byte in a page makes the kernel give that page RAM (a page fault). The pages turn from not in RAM to anon: private memory in RAM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous memory at %1: %2; a file&apos;s pages at %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine has swap: the anonymous memory: %1; the file&apos;s pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this machine has no swap: anon pages cannot leave RAM; the anonymous memory: %1; the file&apos;s pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the anonymous memory: %1; the file&apos;s pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wrote to its data at %1: in A %2; in B %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B maps a second view, read-only, reads the first page through it (the same page, now mapped three times: B&apos;s pane shows it and its bytes), and tries to write through it (in a disposable child process, so the fault can be reported). The write is refused: a view&apos;s rights never exceed the ones it was opened with (FILE_MAP_READ on Windows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmap(PROT_NONE) takes a range of addresses and nothing else: no access, no memory, and nothing promised, since no one can write to it. Windows: VirtualAlloc(MEM_RESERVE). The map shows it hatched: Reserved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mmap(MAP_FIXED, PROT_NONE) over the quarter puts an inaccessible mapping in its place: the pages and the promise go (Committed_AS falls back, &quot;ac&quot; is gone), Reserved again. madvise(MADV_DONTNEED) + mprotect(PROT_NONE) would free the pages but keep the promise of memory once written. Windows: VirtualFree(MEM_DECOMMIT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A section is memory that several processes can map: what one writes, the others read, because their views lead to the same pages. Windows creates one with CreateFileMapping(INVALID_HANDLE_VALUE) and maps views with MapViewOfFile; here it is a memfd, and the second process opens it through the first one&apos;s descriptor, as it would a handle duplicated into it on Windows (shm_open, or a name given to CreateFileMapping, is the way by name). A view&apos;s rights never exceed what it was opened with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B opens the same section (here through A&apos;s descriptor, /proc/A/fd/N; on Windows, a handle duplicated into B with DuplicateHandle, or OpenFileMapping by the section&apos;s name) and maps a view: it reads A&apos;s bytes. The page is now mapped by two processes, so each one&apos;s PSS counts half of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading maps the file&apos;s pages into the process: they are file pages, the page cache&apos;s own pages, mapped without a copy (read from disk first only if they were not cached; the lab has just written this file, so they were). Before, they were &quot;not in RAM&quot; for this process only: not in its page tables. No other process maps them: the page strip counts them exclusive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When RAM runs short the kernel writes pages that have no file behind them (anon) to swap, and reads them back on the next touch. Clean file pages need no swap: they are simply dropped and read again from the file. MADV_PAGEOUT asks for this now, for a range. Windows first trims pages from the working set (EmptyWorkingSet does it now): they wait on the standby or modified list, and the modified ones are written to the page file (pagefile.sys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MADV_PAGEOUT on both. With swap, anon pages go to it (swap); without swap they cannot leave RAM (a swap file, or zram, would give them somewhere to go). Clean file pages are dropped either way (not in RAM). This lab never creates or enables swap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A count of pages in a lab&apos;s report: %1 the number, %2 the state (&quot;32 not in RAM&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between two counts of pages in a lab&apos;s report (&quot;32 not in RAM, 2 file&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mprotect(PROT_READ|PROT_WRITE) on the first quarter makes it usable: it splits off, its state Committed. Still no page has RAM: committing promises memory (the kernel adds it to Committed_AS in /proc/meminfo, and its VmFlags gain &quot;ac&quot;; it is refused past the commit limit only with vm.overcommit_memory=2, while Windows always enforces its commit limit), touching takes it. Windows: VirtualAlloc(MEM_COMMIT).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>no container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overcommit mode 0 (heuristic): the kernel refuses only an allocation that could never fit in RAM + swap; Committed_AS may exceed CommitLimit, which is only advisory here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overcommit mode 1 (always): every allocation succeeds; running out shows up later as the OOM killer, never as a failed mmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overcommit mode 2 (strict): CommitLimit = swap + %1% of RAM (vm.overcommit_ratio, or vm.overcommit_kbytes) minus huge pages; an mmap or brk that would take Committed_AS past it fails with ENOMEM, as VirtualAlloc(MEM_COMMIT) fails past Windows&apos; commit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overcommit mode 2 (strict): CommitLimit = swap + %1% of RAM (vm.overcommit_ratio) minus huge pages; an mmap or brk that would take Committed_AS past it fails with ENOMEM, as VirtualAlloc(MEM_COMMIT) fails past Windows&apos; commit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit limit = RAM + page files: a commit past it fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max (no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address space: %1 of user space free (%2-%3); largest free block %4 at %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free blocks %1 to &lt; %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free blocks %1 to any size: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mappings: %1 regions (Windows has no per-process limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mappings: %1 of vm.max_map_count %2 (%3); past it mmap fails with ENOMEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mappings: %1 of vm.max_map_count (not readable); past it mmap fails with ENOMEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit charge: %1 of the commit limit %2 (%3; peak %4); commit limit = RAM %5 + page files %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page file: %1 of %2 in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this process: %1 committed private memory (its commit charge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit charge: Committed_AS %1 of CommitLimit %2 (%3); RAM %4 + swap %5 (%6 free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit charge: Committed_AS %1 of CommitLimit %2 (%3); RAM %4 + swap %5 (%6 free): no swap, so the commit charge is backed by RAM alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this process: %1 in accountable mappings (VmFlag ac: private writable memory, its share of Committed_AS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RLIMIT_AS (Max address space): not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RLIMIT_AS (Max address space): %1 soft, %2 hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup: no cgroup v2 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cgroup: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.current: %1; memory.max: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.current: %1; memory.max: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory.swap.current: %1; memory.swap.max: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Reserved (hatched)</source>
        <translation>Reserved (hatched)</translation>
    </message>
    <message>
        <source>Free (large gaps compressed)</source>
        <translation>Free (large gaps compressed)</translation>
    </message>
    <message>
        <source>page: not in RAM</source>
        <translation>page: not in RAM</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>anon</source>
        <translation>anon</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>swap</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>guard</translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero page</source>
        <translation type="unfinished">zero page</translation>
    </message>
    <message>
        <source>read-only (darker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing referenced since the mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a few resident pages referenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all resident pages referenced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapRenderer</name>
    <message>
        <source>%1 free</source>
        <translation>%1 free</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>%1 reserved</translation>
    </message>
    <message>
        <source>%1, not to scale</source>
        <translation>%1, not to scale</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>not in RAM</source>
        <translation>not in RAM</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>anon</source>
        <translation>anon</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>swap</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>guard</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>zero page</translation>
    </message>
    <message>
        <source>heap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread stack (TID %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guard page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vDSO (kernel code for fast system calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vvar (kernel data for the vDSO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vsyscall (legacy fixed page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved, no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared section (memfd: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SysV shared memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared anonymous memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thread stack (TID %1, found by pattern)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>likely a thread stack (found by pattern)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shareable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed heap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, reserved (no access, not committed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not in this process&apos;s page tables (a file&apos;s page may still be in the page cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not in this process&apos;s page tables</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>ps&apos;s RSS = RssAnon + RssFile + RssShmem. RSS counts a shared page in full in every process that maps it; PSS divides it among them: PSS here is %1, %2 less. Private WS (USS) %3 is what freeing this process alone would give back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous pages: heap, stacks, private data, and the private copies made when a private file mapping is written (copy-on-write). Heap WS here is %1: a heap profiler counts the bytes malloc handed out, not the pages touched, so it shows less (pages of freed chunks stay resident) or more (allocated but never touched pages are not in RAM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page-cache pages of images and mapped files (and the vDSO): shareable with every process mapping the same file, and dropped rather than swapped under pressure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared memory pages (the Shareable use and files on tmpfs): counted once per process mapping them, like file pages, but they can only go to swap, not back to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous pages written to swap (the page file). Swapped shmem pages (%1 here) show in the regions&apos; Swap but not in VmSwap: they belong to the shared object, not the process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page tables that map this process&apos;s pages: kernel memory, not in RSS and not in any region.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::AddressMapView</name>
    <message>
        <source>The address map: every region of the process from the lowest address (top left) to the highest. Wheel to zoom, drag to measure a range, click to select.</source>
        <translation>The address map: every region of the process from the lowest address (top left) to the highest. Wheel to zoom, drag to measure a range, click to select.</translation>
    </message>
    <message>
        <source>No snapshot yet</source>
        <translation>No snapshot yet</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Size: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>RSS %1 · Swap %2</source>
        <translation>RSS %1 · Swap %2</translation>
    </message>
    <message>
        <source>Page 0x%1: %2%3</source>
        <translation>Page 0x%1: %2%3</translation>
    </message>
    <message>
        <source>, exclusive</source>
        <translation>, exclusive</translation>
    </message>
    <message>
        <source>S&amp;hrink Free Gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw large free gaps as narrow marks instead of labelled breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by &amp;Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour regions by what they are for (heap, stack, shareable…) instead of their type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>Hide this message</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::DetailsPanel</name>
    <message>
        <source>No region selected</source>
        <translation>No region selected</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>%1 %2 region</source>
        <translation>%1 %2 region</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Range</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>A file mapped to run code (program, shared library): Windows MEM_IMAGE. Its pages come from the file; writes to it are copied (copy-on-write).</source>
        <translation>A file mapped to run code (program, shared library): Windows MEM_IMAGE. Its pages come from the file; writes to it are copied (copy-on-write).</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <source>A file or shared section mapped as data: Windows MEM_MAPPED (MapViewOfFile).</source>
        <translation>A file or shared section mapped as data: Windows MEM_MAPPED (MapViewOfFile).</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>No mapping: addresses the process may still allocate (Windows MEM_FREE).</source>
        <translation>No mapping: addresses the process may still allocate (Windows MEM_FREE).</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>Address space held with no access (PROT_NONE): Windows MEM_RESERVE. Touching it faults.</source>
        <translation>Address space held with no access (PROT_NONE): Windows MEM_RESERVE. Touching it faults.</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>Usable memory: Windows MEM_COMMIT. Pages get RAM when first touched.</source>
        <translation>Usable memory: Windows MEM_COMMIT. Pages get RAM when first touched.</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>Shared: writes are seen by every process mapping the same object.</source>
        <translation>Shared: writes are seen by every process mapping the same object.</translation>
    </message>
    <message>
        <source>Copy-on-write view (PAGE_WRITECOPY): a write makes a private copy of the page.</source>
        <translation>Copy-on-write view (PAGE_WRITECOPY): a write makes a private copy of the page.</translation>
    </message>
    <message>
        <source>Private: writes stay in this process (copy-on-write for file pages).</source>
        <translation>Private: writes stay in this process (copy-on-write for file pages).</translation>
    </message>
    <message>
        <source>Backed by</source>
        <translation>Backed by</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>offset %1, device %2, inode %3</source>
        <translation>offset %1, device %2, inode %3</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Resident set: bytes of this region in RAM now (Windows: working set).</source>
        <translation>Resident set: bytes of this region in RAM now (Windows: working set).</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <source>Proportional set: RSS with each shared page divided by the number of processes mapping it.</source>
        <translation>Proportional set: RSS with each shared page divided by the number of processes mapping it.</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>Bytes written out to swap (Windows: the page file, pagefile.sys).</source>
        <translation>Bytes written out to swap (Windows: the page file, pagefile.sys).</translation>
    </message>
    <message>
        <source>Shared clean</source>
        <translation>Shared clean</translation>
    </message>
    <message>
        <source>In RAM, also mapped by other processes, unmodified: can be dropped and read again.</source>
        <translation>In RAM, also mapped by other processes, unmodified: can be dropped and read again.</translation>
    </message>
    <message>
        <source>Shared dirty</source>
        <translation>Shared dirty</translation>
    </message>
    <message>
        <source>In RAM, also mapped elsewhere, modified (a shared section someone wrote).</source>
        <translation>In RAM, also mapped elsewhere, modified (a shared section someone wrote).</translation>
    </message>
    <message>
        <source>Private clean</source>
        <translation>Private clean</translation>
    </message>
    <message>
        <source>In RAM, only this process maps it, unmodified.</source>
        <translation>In RAM, only this process maps it, unmodified.</translation>
    </message>
    <message>
        <source>Private dirty</source>
        <translation>Private dirty</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Pages with no file behind them: heap data, or copies made by copy-on-write.</source>
        <translation>Pages with no file behind them: heap data, or copies made by copy-on-write.</translation>
    </message>
    <message>
        <source>Referenced</source>
        <translation>Referenced</translation>
    </message>
    <message>
        <source>Pages used recently.</source>
        <translation>Pages used recently.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Pages pinned in RAM (mlock): never swapped.</source>
        <translation>Pages pinned in RAM (mlock): never swapped.</translation>
    </message>
    <message>
        <source>Swap PSS</source>
        <translation>Swap PSS</translation>
    </message>
    <message>
        <source>Swap divided among the processes sharing it.</source>
        <translation>Swap divided among the processes sharing it.</translation>
    </message>
    <message>
        <source>Anon huge pages</source>
        <translation>Anon huge pages</translation>
    </message>
    <message>
        <source>Bytes backed by transparent huge pages.</source>
        <translation>Bytes backed by transparent huge pages.</translation>
    </message>
    <message>
        <source>VM flags</source>
        <translation>VM flags</translation>
    </message>
    <message>
        <source>Selected range</source>
        <translation>Selected range</translation>
    </message>
    <message>
        <source>Mapped in it</source>
        <translation>Mapped in it</translation>
    </message>
    <message>
        <source>Bytes of the range inside some region.</source>
        <translation>Bytes of the range inside some region.</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>Of the regions it touches, whole.</source>
        <translation>Of the regions it touches, whole.</translation>
    </message>
    <message>
        <source>Reading pages…</source>
        <translation type="unfinished">Reading pages…</translation>
    </message>
    <message>
        <source>Memory only this process uses (heap, stacks, anonymous mmap): Windows MEM_PRIVATE (VirtualAlloc). Committed private memory is what Windows counts as private bytes, in RAM or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shared view, read-only here: this process cannot write to it; it sees what processes with a writable view write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In RAM, only this process maps it, modified: to free the RAM it would have to go to swap (Windows: part of the private working set).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proportional set of the regions it touches: each shared page divided by the processes mapping it. Below RSS when other processes map the same pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>real %1, effective %2, saved %3, filesystem %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (thread %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the region is for (VMMap&apos;s use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read %2 s before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: real, effective, saved and filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (1 page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 pages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSS of its regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regions it touches, whole: %1 of them lies outside the range. The pages below are the range&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSS of its regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proportional set of the regions it touches, whole: each shared page divided by the processes mapping it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::ExportDialogs</name>
    <message>
        <source>%1 (PID %2) — %3</source>
        <translation type="unfinished">%1 (PID %2) — %3</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished">Export failed</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation type="unfinished">Export map as PNG</translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation type="unfinished">Width (px)</translation>
    </message>
    <message>
        <source>Height (px)</source>
        <translation type="unfinished">Height (px)</translation>
    </message>
    <message>
        <source>The image has a title (process, PID, time), the whole map and a legend.</source>
        <translation type="unfinished">The image has a title (process, PID, time), the whole map and a legend.</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished">PNG images (*.png)</translation>
    </message>
    <message>
        <source>Save snapshot as JSON</source>
        <translation type="unfinished">Save snapshot as JSON</translation>
    </message>
    <message>
        <source>Export regions as CSV</source>
        <translation type="unfinished">Export regions as CSV</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished">JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished">CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 (PID %2) on %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::HexView</name>
    <message>
        <source>Previous 4 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next 4 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the text column as UTF-16LE characters (Windows strings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the shown dump to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the bytes of the whole range to a file (pages not read are zeros)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a page that is not in RAM brings it in: the process&apos;s RSS grows and you no longer see it as it was. Off, such pages show as &quot;not in RAM (not read)&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a region of a live process to see its bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes of %1 (%2), process %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the bytes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1; not in RAM (not read) %2; unreadable %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages that were not in RAM were read: they are in RAM now, and the process&apos;s RSS grew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no range is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range is %1; at most %2 are saved at once. Select a smaller range (drag on the map).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the range&apos;s bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw bytes (*.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bytes read match the file&apos;s (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bytes read differ from the file&apos;s (%1): this process&apos;s own copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) match the file&apos;s (%3), %2 differ: this process&apos;s own copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in RAM (not read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not in RAM (not read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros in the file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read pages not in RAM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::InsideTools</name>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strings and Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark Working Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the process&apos;s referenced bits, to see what it touches from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by &amp;Referenced since Mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heat: the share of each region&apos;s resident pages the process touched since the mark (pale: none, yellow to red: some to all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trim Working Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Selected Region &amp;Cold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes are read from a live process only: this is a saved or past snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strings and search read a live process: choose one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark acts on a live process: choose one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the working set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the referenced bits of every page of process %1 (/proc/%1/clear_refs)?

From now on each region&apos;s Referenced counter shows what the process touched since. This changes the process&apos;s page-reclaim state (the kernel uses these bits to choose pages to reclaim) and needs write access to its /proc files. Its memory is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot mark: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked process %1: the map now shows what it touches since (Referenced since mark).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim acts on a live process: choose one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole working set of process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a committed region to trim first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the region %1 of process %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MADV_COLD marks the pages as the first to reclaim under memory pressure; nothing is dropped now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MADV_PAGEOUT drops file-backed pages now (they come back from their files, as faults, when touched); without swap, anonymous pages (heap, stacks) have nowhere to go and stay. On Windows: EmptyWorkingSet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim the working set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim %1?

%2

The process keeps running; its memory is not changed, only where its pages are. This needs CAP_SYS_NICE besides access to the process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot trim: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 minor and +%2 major faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the trim (%1 s): RSS %2 (%3), %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same bytes in process A (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trimmed %1 (the kernel took %2 of ranges). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trim Selected Re&amp;gion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same range in process B (%1):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::IntervalBox</name>
    <message>
        <source>Off</source>
        <translation type="unfinished">Off</translation>
    </message>
    <message>
        <source>0.5 s</source>
        <translation type="unfinished">0.5 s</translation>
    </message>
    <message>
        <source>1 s</source>
        <translation type="unfinished">1 s</translation>
    </message>
    <message>
        <source>2 s</source>
        <translation type="unfinished">2 s</translation>
    </message>
    <message>
        <source>5 s</source>
        <translation type="unfinished">5 s</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished">Custom…</translation>
    </message>
    <message>
        <source>How often a new snapshot is taken</source>
        <translation type="unfinished">How often a new snapshot is taken</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation type="unfinished">Refresh interval</translation>
    </message>
    <message>
        <source>Milliseconds between snapshots (at least 100):</source>
        <translation type="unfinished">Milliseconds between snapshots (at least 100):</translation>
    </message>
    <message>
        <source>%1 s (custom)</source>
        <translation type="unfinished">%1 s (custom)</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::LabDock</name>
    <message>
        <source>Lab</source>
        <translation type="unfinished">Lab</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::LabPanel</name>
    <message>
        <source>No lab running</source>
        <translation>No lab running</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>The lab&apos;s main size: a whole number of pages, at most 1 GiB. Takes effect when the lab (re)starts.</source>
        <translation>The lab&apos;s main size: a whole number of pages, at most 1 GiB. Takes effect when the lab (re)starts.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>process A</source>
        <translation>process A</translation>
    </message>
    <message>
        <source>process B</source>
        <translation>process B</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Run the next step</source>
        <translation>Run the next step</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lab target has exited.&lt;/b&gt; Restart the lab to go on.</source>
        <translation>&lt;b&gt;The lab target has exited.&lt;/b&gt; Restart the lab to go on.</translation>
    </message>
    <message>
        <source>Starting the lab target…</source>
        <translation>Starting the lab target…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lab could not start:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;The lab could not start:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Lab target A is process %1. Run the steps in order.</source>
        <translation>Lab target A is process %1. Run the steps in order.</translation>
    </message>
    <message>
        <source>Run step %1: %2</source>
        <translation>Run step %1: %2</translation>
    </message>
    <message>
        <source>The lab is done</source>
        <translation>The lab is done</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Done.&lt;/b&gt; Restart to run it again, or choose another lab from the Labs menu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Done.&lt;/b&gt; Restart to run it again, or choose another lab from the Labs menu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step %1 failed:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Step %1 failed:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>The lab target has exited. Restart the lab to go on.</source>
        <translation>The lab target has exited. Restart the lab to go on.</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>step %1: %2</translation>
    </message>
    <message>
        <source>The lab was stopped; its processes have ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a step to read what it does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1, done: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::LimitsPanel</name>
    <message>
        <source>Limits of process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;A saved snapshot: only its address space is known; the system&apos;s commit charge, the process&apos;s limits and its cgroup are read from a live process.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No process</source>
        <translation type="unfinished">No process</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::MainWindow</name>
    <message>
        <source>VM Atlas</source>
        <translation>VM Atlas</translation>
    </message>
    <message>
        <source>%1 at %2. The last snapshot stays on screen; the timeline keeps the history.</source>
        <translation>%1 at %2. The last snapshot stays on screen; the timeline keeps the history.</translation>
    </message>
    <message>
        <source>Choose another process…</source>
        <translation>Choose another process…</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>Access denied: %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Shown below is what any user may read of process %1 (its status).</source>
        <translation>&lt;br&gt;Shown below is what any user may read of process %1 (its status).</translation>
    </message>
    <message>
        <source>Process %1 (status only)</source>
        <translation>Process %1 (status only)</translation>
    </message>
    <message>
        <source>Cannot open the snapshot: %1</source>
        <translation>Cannot open the snapshot: %1</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Open another…</translation>
    </message>
    <message>
        <source>Colours: region types; hatched: reserved; page colours appear when zoomed in to single pages</source>
        <translation>Colours: region types; hatched: reserved; page colours appear when zoomed in to single pages</translation>
    </message>
    <message>
        <source>&amp;Regions</source>
        <translation>&amp;Regions</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Choose Process…</source>
        <translation>&amp;Choose Process…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Open Snapshot…</source>
        <translation>&amp;Open Snapshot…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>Co&amp;mpare With Snapshot…</source>
        <translation>Co&amp;mpare With Snapshot…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Export Map as &amp;PNG…</source>
        <translation>Export Map as &amp;PNG…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export Regions as &amp;CSV…</source>
        <translation>Export Regions as &amp;CSV…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Save Snapshot as JSON…</source>
        <translation>&amp;Save Snapshot as JSON…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Fit Whole Address Space</source>
        <translation>&amp;Fit Whole Address Space</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Jump to Address…</source>
        <translation>&amp;Jump to Address…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Search by Path…</source>
        <translation>&amp;Search by Path…</translation>
    </message>
    <message>
        <source>Back to &amp;Live</source>
        <translation>Back to &amp;Live</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation>&amp;Sampling</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <source>Snapshot &amp;Now</source>
        <translation>Snapshot &amp;Now</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>&amp;Labs</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>The language changes the next time VM Atlas starts.</source>
        <translation>The language changes the next time VM Atlas starts.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>&amp;About VM Atlas</source>
        <translation>&amp;About VM Atlas</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source> Refresh </source>
        <translation> Refresh </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Cannot compare: %1</translation>
    </message>
    <message>
        <source>Comparing with %1: %2 added, %3 removed, %4 changed (outlined on the map, tinted in the table).</source>
        <translation>Comparing with %1: %2 added, %3 removed, %4 changed (outlined on the map, tinted in the table).</translation>
    </message>
    <message>
        <source>%1 (PID %2) – VM Atlas</source>
        <translation>%1 (PID %2) – VM Atlas</translation>
    </message>
    <message>
        <source>0x%1 lies outside the mapped address space</source>
        <translation>0x%1 lies outside the mapped address space</translation>
    </message>
    <message>
        <source>Open a snapshot</source>
        <translation>Open a snapshot</translation>
    </message>
    <message>
        <source>Compare with a snapshot</source>
        <translation>Compare with a snapshot</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Jump to address</source>
        <translation>Jump to address</translation>
    </message>
    <message>
        <source>Address (hex, e.g. 0x7f12a4000000):</source>
        <translation>Address (hex, e.g. 0x7f12a4000000):</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a hex address</source>
        <translation>&apos;%1&apos; is not a hex address</translation>
    </message>
    <message>
        <source>About VM Atlas</source>
        <translation>About VM Atlas</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VM Atlas %1&lt;/h3&gt;&lt;p&gt;A live map of a process&apos;s virtual address space: Image, Mapped and Private memory, Free, Reserved and Committed, down to single pages.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VM Atlas %1&lt;/h3&gt;&lt;p&gt;A live map of a process&apos;s virtual address space: Image, Mapped and Private memory, Free, Reserved and Committed, down to single pages.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;choose a process&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open a snapshot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare with a snapshot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;save the snapshot as JSON&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export PNG / CSV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;jump to an address&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;search by path&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;snapshot now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pause or resume sampling&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;back to live&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;wheel, + / −&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom the map around the pointer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F, 0, Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;fit the whole address space&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;measure a range; Esc clears it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;middle drag, Shift+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pan&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;choose a process&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open a snapshot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare with a snapshot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;save the snapshot as JSON&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export PNG / CSV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;jump to an address&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;search by path&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;snapshot now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pause or resume sampling&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;back to live&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;wheel, + / −&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom the map around the pointer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F, 0, Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;fit the whole address space&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;measure a range; Esc clears it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;middle drag, Shift+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pan&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>The lab failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID %1 is a thread of process %2; showing %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Li&amp;mits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM Atlas snapshots, core dumps and minidumps (*.json *.core core core.* *.dmp);;All files (*)</source>
        <translation>VM Atlas snapshots, core dumps and minidumps (*.json *.core core core.* *.dmp);;All files (*)</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Page Down, Ctrl+Return&lt;/b&gt;&lt;/td&gt;&lt;td&gt;a lab&apos;s next step (a presenter&apos;s clicker sends Page Down)&lt;/td&gt;&lt;/tr&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the &amp;Next Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab “%1” ended when the Lab dock was closed, and its processes with it. The last snapshot stays on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the Lab Again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::PageRequests</name>
    <message>
        <source>A free gap has no pages.</source>
        <translation type="unfinished">A free gap has no pages.</translation>
    </message>
    <message>
        <source>Pages are read from a live process; this snapshot has none.</source>
        <translation type="unfinished">Pages are read from a live process; this snapshot has none.</translation>
    </message>
    <message>
        <source>Nothing is mapped here: no pages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::PageStrip</name>
    <message>
        <source>Select a region to see its pages</source>
        <translation>Select a region to see its pages</translation>
    </message>
    <message>
        <source>not in RAM</source>
        <translation>not in RAM</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>anon</source>
        <translation>anon</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>swap</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>guard</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>zero page</translation>
    </message>
    <message>
        <source>exclusive %1</source>
        <translation>exclusive %1</translation>
    </message>
    <message>
        <source>Page 0x%1: %2%3</source>
        <translation>Page 0x%1: %2%3</translation>
    </message>
    <message>
        <source>, exclusive to this process</source>
        <translation>, exclusive to this process</translation>
    </message>
    <message>
        <source>● shared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, shared with another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hatched: reserved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::PostMortemMode</name>
    <message>
        <source>Post-mortem: the minidump %1 of process %2. Regions as VirtualQueryEx gave them; no live refresh, no counters (a dump holds contents, not residency); pages show what the dump holds.</source>
        <translation>Post-mortem: the minidump %1 of process %2. Regions as VirtualQueryEx gave them; no live refresh, no counters (a dump holds contents, not residency); pages show what the dump holds.</translation>
    </message>
    <message>
        <source>Post-mortem: the core file %1 of process %2. Regions from its segments and file notes; no live refresh, no counters (a core holds contents, not residency); pages show what the core holds.</source>
        <translation>Post-mortem: the core file %1 of process %2. Regions from its segments and file notes; no live refresh, no counters (a core holds contents, not residency); pages show what the core holds.</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::ProcessListModel</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>no access</translation>
    </message>
    <message>
        <source>You cannot read this process&apos;s memory: that needs ptrace-read access (the same user, root, or CAP_SYS_PTRACE).</source>
        <translation>You cannot read this process&apos;s memory: that needs ptrace-read access (the same user, root, or CAP_SYS_PTRACE).</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Command line</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>%1 · PID %2 inside</source>
        <translation>%1 · PID %2 inside</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::ProcessPicker</name>
    <message>
        <source>Choose a process</source>
        <translation>Choose a process</translation>
    </message>
    <message>
        <source>Filter by name, PID, user or command line</source>
        <translation>Filter by name, PID, user or command line</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n you cannot read (greyed: they need ptrace-read access)</source>
        <translation>
            <numerusform>, %n you cannot read (greyed: it needs ptrace-read access)</numerusform>
            <numerusform>, %n you cannot read (greyed: they need ptrace-read access)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the processes of one container (cgroup v2 path) only</source>
        <translation>Show the processes of one container (cgroup v2 path) only</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>All processes</translation>
    </message>
    <message>
        <source>In a container</source>
        <translation>In a container</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RecentFiles</name>
    <message>
        <source>No recent snapshots</source>
        <translation type="unfinished">No recent snapshots</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation type="unfinished">Clear the List</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RegionTableModel</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Protection</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>Inode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>Shared clean</source>
        <translation>Shared clean</translation>
    </message>
    <message>
        <source>Shared dirty</source>
        <translation>Shared dirty</translation>
    </message>
    <message>
        <source>Private clean</source>
        <translation>Private clean</translation>
    </message>
    <message>
        <source>Private dirty</source>
        <translation>Private dirty</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>PSS dirty</source>
        <translation>PSS dirty</translation>
    </message>
    <message>
        <source>Referenced</source>
        <translation>Referenced</translation>
    </message>
    <message>
        <source>KSM</source>
        <translation>KSM</translation>
    </message>
    <message>
        <source>Lazy free</source>
        <translation>Lazy free</translation>
    </message>
    <message>
        <source>Anon huge pages</source>
        <translation>Anon huge pages</translation>
    </message>
    <message>
        <source>Swap PSS</source>
        <translation>Swap PSS</translation>
    </message>
    <message>
        <source>VM flags</source>
        <translation>VM flags</translation>
    </message>
    <message>
        <source>Image: program and libraries; Mapped: files and shared sections; Private: heap, stacks, anonymous memory</source>
        <translation>Image: program and libraries; Mapped: files and shared sections; Private: heap, stacks, anonymous memory</translation>
    </message>
    <message>
        <source>Committed: usable; Reserved: address space held with no access; Free: a gap</source>
        <translation>Committed: usable; Reserved: address space held with no access; Free: a gap</translation>
    </message>
    <message>
        <source>r/w/x, then p private, s shared, c copy-on-write view</source>
        <translation>r/w/x, then p private, s shared, c copy-on-write view</translation>
    </message>
    <message>
        <source>Resident set: bytes of this region in RAM (Windows: working set)</source>
        <translation>Resident set: bytes of this region in RAM (Windows: working set)</translation>
    </message>
    <message>
        <source>Proportional set: RSS with each shared page divided among the processes sharing it</source>
        <translation>Proportional set: RSS with each shared page divided among the processes sharing it</translation>
    </message>
    <message>
        <source>Bytes written out to swap (Windows: the page file)</source>
        <translation>Bytes written out to swap (Windows: the page file)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Pages only this process maps and has modified (Windows: part of the private working set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (likely)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished">Committed</translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished">Private</translation>
    </message>
    <message>
        <source>Private WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shareable WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes, read %2 s before this snapshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RegionsTab</name>
    <message>
        <source>Search path, details or protection; or an address (0x…)</source>
        <translation type="unfinished">Search path, details or protection; or an address (0x…)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished">Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation type="unfinished">Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished">Private</translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished">Free</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished">Committed</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished">Reserved</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RemoteSession</name>
    <message>
        <source>The connection to %1 failed: %2. The last snapshot stays; the next refresh connects again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SearchDialog</name>
    <message>
        <source>Strings and Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find hex bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text, or hex bytes such as 48 65 6c 6c 6f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASCII</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-16LE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASCII and UTF-16LE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest string:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished">Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation type="unfinished">Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished">Private</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also read pages not in RAM (faults them in: the process&apos;s RSS grows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished">Type</translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a result to show its address on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strings and Search – process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what to find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not hex bytes: type pairs of hex digits, such as 48 65 6c 6c 6f.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one kind of region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1 found so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 regions; %2 read, %3 not in RAM (not read), %4 unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SessionController</name>
    <message>
        <source>Process %1 exited</source>
        <translation>Process %1 exited</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::StatusLine</name>
    <message>
        <source>reading</source>
        <translation type="unfinished">reading</translation>
    </message>
    <message numerus="yes">
        <source>%1 (PID %2) · %n region(s)</source>
        <translation>
            <numerusform>%1 (PID %2) · %n region</numerusform>
            <numerusform>%1 (PID %2) · %n regions</numerusform>
        </translation>
    </message>
    <message>
        <source> · taken %1</source>
        <translation type="unfinished"> · taken %1</translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation type="unfinished"> · from %1</translation>
    </message>
    <message>
        <source> · process exited</source>
        <translation type="unfinished"> · process exited</translation>
    </message>
    <message>
        <source> · history (Ctrl+L returns to live)</source>
        <translation type="unfinished"> · history (Ctrl+L returns to live)</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation type="unfinished"> · paused</translation>
    </message>
    <message>
        <source>Reading process %1…</source>
        <translation type="unfinished">Reading process %1…</translation>
    </message>
    <message>
        <source>No process</source>
        <translation type="unfinished">No process</translation>
    </message>
    <message>
        <source>Range %1: %2 mapped, %3 committed, RSS %4</source>
        <translation type="unfinished">Range %1: %2 mapped, %3 committed, RSS %4</translation>
    </message>
    <message numerus="yes">
        <source>Selected %n region(s): %1, RSS %2, swap %3</source>
        <translation>
            <numerusform>Selected %n region: %1, RSS %2, swap %3</numerusform>
            <numerusform>Selected %n regions: %1, RSS %2, swap %3</numerusform>
        </translation>
    </message>
    <message>
        <source>1 page = %1 px</source>
        <translation type="unfinished">1 page = %1 px</translation>
    </message>
    <message>
        <source>1 px = %1</source>
        <translation type="unfinished">1 px = %1</translation>
    </message>
    <message>
        <source>Process %1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · PSS etc. read %1 s before</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SummaryModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Bytes with some access (Windows: MEM_COMMIT)</source>
        <translation>Bytes with some access (Windows: MEM_COMMIT)</translation>
    </message>
    <message>
        <source>Bytes in RAM (Windows: working set)</source>
        <translation>Bytes in RAM (Windows: working set)</translation>
    </message>
    <message>
        <source>RSS with shared pages divided among their sharers</source>
        <translation>RSS with shared pages divided among their sharers</translation>
    </message>
    <message>
        <source>Bytes in swap (Windows: the page file)</source>
        <translation>Bytes in swap (Windows: the page file)</translation>
    </message>
    <message>
        <source>Number of regions</source>
        <translation>Number of regions</translation>
    </message>
    <message>
        <source>The largest region; for Free, the largest free block</source>
        <translation>The largest region; for Free, the largest free block</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Total (in use)</source>
        <translation>Total (in use)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocks</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Largest</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SummaryPanel</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>By use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;How it adds up&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the kernel says %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Not known for this snapshot.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSS, shared, private and dirty: read %1 s before this snapshot; RSS and swap: now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every counter read with this snapshot (a full read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between full reads a live refresh reads only RSS, anonymous and swap; the other counters are the last full read&apos;s. A full read comes every tenth refresh, on Snapshot Now, when a region is selected, and when paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished">MiB</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::TimelinePanel</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s), %1 to %2</source>
        <translation>
            <numerusform>%n snapshot, %1 to %2</numerusform>
            <numerusform>%n snapshots, %1 to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No scheduled snapshots yet</source>
        <translation>No scheduled snapshots yet</translation>
    </message>
    <message>
        <source>Page faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events (point at one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show the snapshot taken at that time. The orange dot is the snapshot shown; a pink square is an event, such as a lab step: point at it to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::UseSummaryModel</name>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private bytes in RAM: private clean + private dirty (USS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working set: every resident byte (RSS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident pages only this process maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident pages that can be shared: file and shared-memory pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident pages another process maps too, now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident pages locked in RAM (mlock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (in use)</source>
        <translation type="unfinished">Total (in use)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished">Size</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation type="unfinished">Committed</translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished">Private</translation>
    </message>
    <message>
        <source>Total WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shareable WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked WS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished">Blocks</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation type="unfinished">Largest</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation type="unfinished">PSS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation type="unfinished">Swap</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::WindowTitle</name>
    <message>
        <source>%1 (PID %2) from %3 – VM Atlas</source>
        <translation>%1 (PID %2) from %3 – VM Atlas</translation>
    </message>
    <message>
        <source>%1 (PID %2) in %3 – VM Atlas</source>
        <translation>%1 (PID %2) in %3 – VM Atlas</translation>
    </message>
    <message>
        <source>%1 (PID %2) on %3 – VM Atlas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
