<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lab</name>
    <message>
        <source>Reserve and commit</source>
        <translation>保留与提交</translation>
    </message>
    <message>
        <source>Address space and memory are different things. A process can reserve a range of addresses without any memory behind it, commit part of it to make it usable, and only then do pages get RAM, one by one, when first touched. Windows names the steps MEM_RESERVE and MEM_COMMIT (VirtualAlloc); Linux does the same with mmap(PROT_NONE) and mprotect.</source>
        <translation>地址空间和内存是两回事。进程可以先保留一段地址而不占用任何内存，再提交其中一部分使其可用；只有在页面第一次被访问时，才会逐页分配物理内存。Windows 把这两步称为 MEM_RESERVE 和 MEM_COMMIT（VirtualAlloc）；Linux 用 mmap(PROT_NONE) 和 mprotect 做同样的事。</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Commit a quarter</source>
        <translation>提交四分之一</translation>
    </message>
    <message>
        <source>Touch some pages</source>
        <translation>访问一些页面</translation>
    </message>
    <message>
        <source>Decommit</source>
        <translation>撤销提交</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>munmap hands the addresses back: the range is Free. Windows: VirtualFree(MEM_RELEASE).</source>
        <translation>munmap 归还地址：这段范围变为“空闲”。Windows：VirtualFree(MEM_RELEASE)。</translation>
    </message>
    <message>
        <source>A section shared by two processes</source>
        <translation>两个进程共享的区段对象</translation>
    </message>
    <message>
        <source>Create the section in A</source>
        <translation>在 A 中创建区段对象</translation>
    </message>
    <message>
        <source>memfd_create + mmap(MAP_SHARED) in A: a Mapped region, rw-s. Its pages have no RAM yet. Windows: CreateFileMapping + MapViewOfFile.</source>
        <translation>在 A 中 memfd_create + mmap(MAP_SHARED)：一个映射区域，rw-s。它的页面还没有物理内存。Windows：CreateFileMapping + MapViewOfFile。</translation>
    </message>
    <message>
        <source>Write in A</source>
        <translation>在 A 中写入</translation>
    </message>
    <message>
        <source>A writes a message in the first page: that page gets RAM, counted as file (a shared section&apos;s pages live in the page cache, like a file&apos;s).</source>
        <translation>A 在第一页写入一条消息：该页获得物理内存，计为“文件”页（区段对象的页面和文件的页面一样位于页缓存中）。</translation>
    </message>
    <message>
        <source>Map it in B and read</source>
        <translation>在 B 中映射并读取</translation>
    </message>
    <message>
        <source>B writes, A reads</source>
        <translation>B 写入，A 读取</translation>
    </message>
    <message>
        <source>B writes a reply into the same page; A reads it at once: one set of pages, two views.</source>
        <translation>B 在同一页写入回复；A 立刻就能读到：一组页面，两个视图。</translation>
    </message>
    <message>
        <source>A read-only view</source>
        <translation>只读视图</translation>
    </message>
    <message>
        <source>Copy-on-write: a private view of a file</source>
        <translation>写时复制：文件的私有视图</translation>
    </message>
    <message>
        <source>A file mapped privately shares the file&apos;s pages until the process writes: then that one page is copied and the copy becomes the process&apos;s own memory. The file on disk never changes. Windows calls this protection PAGE_WRITECOPY (a FILE_MAP_COPY view); it is how an exe or dll can be patched in one process only.</source>
        <translation>私有映射的文件在进程写入之前与文件共享页面：写入时只复制被写的那一页，副本成为进程自己的内存。磁盘上的文件永远不会改变。Windows 把这种保护称为 PAGE_WRITECOPY（FILE_MAP_COPY 视图）；exe 或 dll 正是这样才能只在一个进程中被修改。</translation>
    </message>
    <message>
        <source>Map a file privately</source>
        <translation>私有映射一个文件</translation>
    </message>
    <message>
        <source>mmap(MAP_PRIVATE) of a file of the lab&apos;s own: a Mapped region, rw-p. Nothing is read yet.</source>
        <translation>对实验自己的文件调用 mmap(MAP_PRIVATE)：一个映射区域，rw-p。还没有读取任何内容。</translation>
    </message>
    <message>
        <source>Read every page</source>
        <translation>读取每一页</translation>
    </message>
    <message>
        <source>Write to page 2</source>
        <translation>写入第 2 页</translation>
    </message>
    <message>
        <source>A write to the second page copies it: that page alone becomes anon, the process&apos;s own; the others stay file. The bytes on disk are unchanged.</source>
        <translation>写入第二页会复制它：只有这一页变为匿名页，归进程所有；其他页仍是文件页。磁盘上的字节不变。</translation>
    </message>
    <message>
        <source>Copy-on-write after fork()</source>
        <translation>fork() 之后的写时复制</translation>
    </message>
    <message>
        <source>fork() does not copy memory: parent and child share every page, marked copy-on-write, and a page is copied only when one of them writes to it. A page mapped by one process only is exclusive; after fork it is not.</source>
        <translation>fork() 并不复制内存：父进程和子进程共享每一页，并标记为写时复制；只有当其中一方写入某页时，才复制该页。只被一个进程映射的页面是独占的；fork 之后就不再独占。</translation>
    </message>
    <message>
        <source>Write some pages</source>
        <translation>写入一些页面</translation>
    </message>
    <message>
        <source>The parent allocates private memory and writes every page: anon pages, exclusive to it.</source>
        <translation>父进程分配私有内存并写入每一页：匿名页，由它独占。</translation>
    </message>
    <message>
        <source>fork()</source>
        <translation>fork()</translation>
    </message>
    <message>
        <source>After fork the child maps the very same pages: they are no longer exclusive to either process.</source>
        <translation>fork 之后子进程映射的是完全相同的页面：它们不再被任何一个进程独占。</translation>
    </message>
    <message>
        <source>The child writes one page</source>
        <translation>子进程写入一页</translation>
    </message>
    <message>
        <source>The child&apos;s write copies that page: the child gets its own copy and the parent&apos;s page is exclusive again. The other pages stay shared.</source>
        <translation>子进程的写入会复制该页：子进程得到自己的副本，父进程的这一页重新变为独占。其他页面仍然共享。</translation>
    </message>
    <message>
        <source>The page file (swap)</source>
        <translation>页面文件（交换空间）</translation>
    </message>
    <message>
        <source>Fill anon pages and read a file</source>
        <translation>填充匿名页并读取文件</translation>
    </message>
    <message>
        <source>Private memory written (anon) and, right after it, a file read (file).</source>
        <translation>写入的私有内存（匿名页），紧接着是读取的文件（文件页）。</translation>
    </message>
    <message>
        <source>Page out</source>
        <translation>换出</translation>
    </message>
    <message>
        <source>Touch them again</source>
        <translation>再次访问</translation>
    </message>
    <message>
        <source>Reading the pages again brings them back: file pages from the file, swapped pages from swap.</source>
        <translation>再次读取会把页面带回：文件页从文件读回，换出的页面从交换空间读回。</translation>
    </message>
    <message>
        <source>Images are shared</source>
        <translation>映像是共享的</translation>
    </message>
    <message>
        <source>Two processes running the same program map the same file: its code pages are in RAM once, shared, so each process&apos;s PSS is below its RSS. Its data is mapped copy-on-write (PAGE_WRITECOPY for an exe or dll): a process that writes to it gets its own copy of that page, and the other keeps the file&apos;s.</source>
        <translation>运行同一程序的两个进程映射同一个文件：它的代码页在内存中只有一份，是共享的，所以每个进程的 PSS 都低于 RSS。它的数据以写时复制方式映射（exe 或 dll 为 PAGE_WRITECOPY）：写入的进程得到该页的私有副本，另一个进程保留文件的那一页。</translation>
    </message>
    <message>
        <source>Run the program twice</source>
        <translation>运行程序两次</translation>
    </message>
    <message>
        <source>Write to the program&apos;s data in A</source>
        <translation>在 A 中写入程序的数据</translation>
    </message>
    <message>
        <source>A second copy of the same program starts. Both map the same executable file as Image. Its PSS is not simply half its RSS: every other process running this program (the window, for one) maps the same pages too, and a shared page&apos;s PSS is divided among all of them, while pages only A has count whole.</source>
        <translation>同一程序的第二个副本启动。两者都把同一个可执行文件映射为映像。它的 PSS 并不就是 RSS 的一半：运行这个程序的其他进程（比如这个窗口）也映射着同样的页面，共享页面的 PSS 由所有映射它的进程均分，而只有 A 拥有的页面则全额计入。</translation>
    </message>
    <message>
        <source>A writes to a variable in the program&apos;s data segment: that page is copied (anon) in A, while B still maps the file&apos;s page. The data segment held anon pages before this write: at start-up the dynamic loader wrote relocations (the run-time addresses of functions and variables) into some of its pages, which made private copies of them in both processes.</source>
        <translation>A 写入程序数据段中的一个变量：该页在 A 中被复制（匿名页），而 B 仍然映射文件的那一页。在这次写入之前，数据段中就已经有匿名页：程序启动时，动态加载器把重定位结果（函数和变量的运行时地址）写进了其中一些页面，因此两个进程里都已各自复制了这些页面。</translation>
    </message>
    <message>
        <source>no pages</source>
        <translation>没有页面</translation>
    </message>
    <message>
        <source>reserved %1 at %2: Reserved, no pages</source>
        <translation>在 %2 保留了 %1：已保留，没有页面</translation>
    </message>
    <message>
        <source>committed %1 at %2: %3</source>
        <translation>在 %2 提交了 %1：%3</translation>
    </message>
    <message>
        <source>touched %1 pages: %2</source>
        <translation>访问了 %1 个页面：%2</translation>
    </message>
    <message>
        <source>decommitted: %1, Reserved again</source>
        <translation>撤销了提交：%1，重新变为已保留</translation>
    </message>
    <message>
        <source>released %1 at %2: Free</source>
        <translation>释放了 %2 处的 %1：空闲</translation>
    </message>
    <message>
        <source>created a %1 section, mapped in A (PID %2) at %3</source>
        <translation>创建了 %1 的区段对象，映射在 A（PID %2）的 %3</translation>
    </message>
    <message>
        <source>A wrote &quot;Hello from A&quot; at %1: %2</source>
        <translation>A 在 %1 写入 &quot;Hello from A&quot;：%2</translation>
    </message>
    <message>
        <source>B (PID %1) mapped the section at %2 and read &quot;%3&quot;; in A: RSS %4, PSS %5</source>
        <translation>B（PID %1）在 %2 映射了该区段对象并读到 &quot;%3&quot;；在 A 中：RSS %4，PSS %5</translation>
    </message>
    <message>
        <source>B wrote &quot;Reply from B&quot;; A reads &quot;%1&quot;</source>
        <translation>B 写入 &quot;Reply from B&quot;；A 读到 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the write through the read-only view went through (unexpected)</source>
        <translation>通过只读视图的写入成功了（出乎意料）</translation>
    </message>
    <message>
        <source>access violation: the view at %1 is read-only; the write was refused</source>
        <translation>访问冲突：%1 处的视图是只读的；写入被拒绝</translation>
    </message>
    <message>
        <source>mapped %1 (%2) privately at %3: %4</source>
        <translation>在 %3 私有映射了 %1（%2）：%4</translation>
    </message>
    <message>
        <source>read all pages: %1</source>
        <translation>读取了所有页面：%1</translation>
    </message>
    <message>
        <source>wrote at %1: %2; the file on disk is unchanged</source>
        <translation>在 %1 写入：%2；磁盘上的文件没有改变</translation>
    </message>
    <message>
        <source>wrote at %1: %2; the file on disk CHANGED</source>
        <translation>在 %1 写入：%2；磁盘上的文件被改变了</translation>
    </message>
    <message>
        <source>wrote %1 pages at %2: %3</source>
        <translation>在 %2 写入了 %1 个页面：%3</translation>
    </message>
    <message>
        <source>forked child PID %1; the parent&apos;s pages exclusive: %2 of %3</source>
        <translation>fork 出子进程 PID %1；父进程的独占页面：%3 个中的 %2 个</translation>
    </message>
    <message>
        <source>the child wrote at %1; the parent&apos;s exclusive pages: %2</source>
        <translation>子进程在 %1 写入；父进程的独占页面：%2 个</translation>
    </message>
    <message>
        <source>A (PID %1) and B (PID %2) run the same program. In A its image (%3 regions) has RSS %4, PSS %5; its code, the range shown, RSS %6, PSS %7 (PSS also divides by any other process running this program)</source>
        <translation>A（PID %1）和 B（PID %2）运行同一个程序。在 A 中它的映像（%3 个区域）RSS 为 %4，PSS 为 %5；其中的代码，即所显示的范围，RSS 为 %6，PSS 为 %7（PSS 也会与运行该程序的其他进程均分）</translation>
    </message>
    <message>
        <source>Writing one byte in a page makes the kernel give that page RAM (a page fault). The pages turn from not in RAM to anon: private memory in RAM.</source>
        <translation>向页面写入一个字节，内核就会为该页分配物理内存（缺页异常）。页面从“不在内存”变为“匿名”：位于内存中的私有内存。</translation>
    </message>
    <message>
        <source>anonymous memory at %1: %2; a file&apos;s pages at %3: %4</source>
        <translation>%1 处的匿名内存：%2；%3 处的文件页：%4</translation>
    </message>
    <message>
        <source>this machine has swap: the anonymous memory: %1; the file&apos;s pages: %2</source>
        <translation>本机有交换空间：匿名内存：%1；文件页：%2</translation>
    </message>
    <message>
        <source>this machine has no swap: anon pages cannot leave RAM; the anonymous memory: %1; the file&apos;s pages: %2</source>
        <translation>本机没有交换空间：匿名页无法离开物理内存；匿名内存：%1；文件页：%2</translation>
    </message>
    <message>
        <source>the anonymous memory: %1; the file&apos;s pages: %2</source>
        <translation>匿名内存：%1；文件页：%2</translation>
    </message>
    <message>
        <source>A wrote to its data at %1: in A %2; in B %3</source>
        <translation>A 在 %1 写入自己的数据：A 中 %2；B 中 %3</translation>
    </message>
    <message>
        <source>B maps a second view, read-only, reads the first page through it (the same page, now mapped three times: B&apos;s pane shows it and its bytes), and tries to write through it (in a disposable child process, so the fault can be reported). The write is refused: a view&apos;s rights never exceed the ones it was opened with (FILE_MAP_READ on Windows).</source>
        <translation>B 再映射一个只读视图，通过它读取第一页（同一个页面，现在被映射了三次：B 的窗格显示它和它的字节），并尝试通过它写入（在一个一次性的子进程中进行，以便报告访问错误）。写入被拒绝：视图的权限永远不会超过打开时的权限（Windows 上为 FILE_MAP_READ）。</translation>
    </message>
    <message>
        <source>Each part</source>
        <translation>每部分</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>mmap(PROT_NONE) takes a range of addresses and nothing else: no access, no memory, and nothing promised, since no one can write to it. Windows: VirtualAlloc(MEM_RESERVE). The map shows it hatched: Reserved.</source>
        <translation>mmap(PROT_NONE) 只占用一段地址，别无其他：不可访问，没有内存，也没有任何承诺，因为没有人能写入它。Windows：VirtualAlloc(MEM_RESERVE)。地图上用斜线表示：已保留。</translation>
    </message>
    <message>
        <source>mmap(MAP_FIXED, PROT_NONE) over the quarter puts an inaccessible mapping in its place: the pages and the promise go (Committed_AS falls back, &quot;ac&quot; is gone), Reserved again. madvise(MADV_DONTNEED) + mprotect(PROT_NONE) would free the pages but keep the promise of memory once written. Windows: VirtualFree(MEM_DECOMMIT).</source>
        <translation>在这四分之一上用 mmap(MAP_FIXED, PROT_NONE) 放一个不可访问的映射取而代之：页面和承诺都没有了（Committed_AS 回落，“ac” 消失），重新变为已保留。madvise(MADV_DONTNEED) + mprotect(PROT_NONE) 虽然会释放页面，但只要写入过，对内存的承诺就会保留。Windows：VirtualFree(MEM_DECOMMIT)。</translation>
    </message>
    <message>
        <source>A section is memory that several processes can map: what one writes, the others read, because their views lead to the same pages. Windows creates one with CreateFileMapping(INVALID_HANDLE_VALUE) and maps views with MapViewOfFile; here it is a memfd, and the second process opens it through the first one&apos;s descriptor, as it would a handle duplicated into it on Windows (shm_open, or a name given to CreateFileMapping, is the way by name). A view&apos;s rights never exceed what it was opened with.</source>
        <translation>区段对象是可被多个进程映射的内存：一个进程写入的内容，其他进程都能读到，因为它们的视图指向同一批页面。Windows 用 CreateFileMapping(INVALID_HANDLE_VALUE) 创建，用 MapViewOfFile 映射视图；这里用的是 memfd，第二个进程通过第一个进程的文件描述符打开它，就像在 Windows 上使用复制给它的句柄（按名字打开则用 shm_open，或给 CreateFileMapping 起的名字）。视图的权限永远不会超过打开时的权限。</translation>
    </message>
    <message>
        <source>B opens the same section (here through A&apos;s descriptor, /proc/A/fd/N; on Windows, a handle duplicated into B with DuplicateHandle, or OpenFileMapping by the section&apos;s name) and maps a view: it reads A&apos;s bytes. The page is now mapped by two processes, so each one&apos;s PSS counts half of it.</source>
        <translation>B 打开同一个区段对象（这里通过 A 的文件描述符 /proc/A/fd/N；在 Windows 上则是用 DuplicateHandle 复制到 B 的句柄，或用 OpenFileMapping 按区段对象的名字打开）并映射一个视图：它读到了 A 写的字节。现在该页被两个进程映射，所以每个进程的 PSS 只计它的一半。</translation>
    </message>
    <message>
        <source>Reading maps the file&apos;s pages into the process: they are file pages, the page cache&apos;s own pages, mapped without a copy (read from disk first only if they were not cached; the lab has just written this file, so they were). Before, they were &quot;not in RAM&quot; for this process only: not in its page tables. No other process maps them: the page strip counts them exclusive.</source>
        <translation>读取会把文件的页面映射进进程：它们是文件页，就是页缓存里的页面，映射时没有复制（只有不在缓存中时才先从磁盘读入；实验刚写过这个文件，所以它们在缓存中）。此前它们只是对这个进程而言“不在内存”：不在它的页表中。没有其他进程映射它们：页面条把它们计为独占。</translation>
    </message>
    <message>
        <source>When RAM runs short the kernel writes pages that have no file behind them (anon) to swap, and reads them back on the next touch. Clean file pages need no swap: they are simply dropped and read again from the file. MADV_PAGEOUT asks for this now, for a range. Windows first trims pages from the working set (EmptyWorkingSet does it now): they wait on the standby or modified list, and the modified ones are written to the page file (pagefile.sys).</source>
        <translation>内存不足时，内核把没有文件支持的页面（匿名页）写到交换空间，并在下次访问时读回。干净的文件页不需要交换空间：直接丢弃，需要时再从文件读取。MADV_PAGEOUT 要求内核立即对一段范围这样做。Windows 先把页面从工作集中修剪掉（EmptyWorkingSet 可立即这样做）：它们先留在备用或已修改列表中，已修改的页面再写入页面文件（pagefile.sys）。</translation>
    </message>
    <message>
        <source>MADV_PAGEOUT on both. With swap, anon pages go to it (swap); without swap they cannot leave RAM (a swap file, or zram, would give them somewhere to go). Clean file pages are dropped either way (not in RAM). This lab never creates or enables swap.</source>
        <translation>对两者调用 MADV_PAGEOUT。有交换空间时，匿名页被换出（交换）；没有交换空间时，它们无法离开内存（交换文件或 zram 能给它们一个去处）。干净的文件页无论如何都会被丢弃（不在内存）。本实验从不创建或启用交换空间。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A count of pages in a lab&apos;s report: %1 the number, %2 the state (&quot;32 not in RAM&quot;).</extracomment>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Between two counts of pages in a lab&apos;s report (&quot;32 not in RAM, 2 file&quot;).</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <source>mprotect(PROT_READ|PROT_WRITE) on the first quarter makes it usable: it splits off, its state Committed. Still no page has RAM: committing promises memory (the kernel adds it to Committed_AS in /proc/meminfo, and its VmFlags gain &quot;ac&quot;; it is refused past the commit limit only with vm.overcommit_memory=2, while Windows always enforces its commit limit), touching takes it. Windows: VirtualAlloc(MEM_COMMIT).</source>
        <translation>对第一个四分之一调用 mprotect(PROT_READ|PROT_WRITE) 使其可用：它被拆分出来，状态为“已提交”。此时仍没有页面占用物理内存：提交是对内存的承诺（内核把它计入 /proc/meminfo 的 Committed_AS，它的 VmFlags 多了 “ac”；只有在 vm.overcommit_memory=2 时，超过提交上限才会被拒绝，而 Windows 总是强制执行提交上限），访问才真正占用内存。Windows：VirtualAlloc(MEM_COMMIT)。</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>no container</source>
        <translation>无容器</translation>
    </message>
    <message>
        <source>overcommit mode 0 (heuristic): the kernel refuses only an allocation that could never fit in RAM + swap; Committed_AS may exceed CommitLimit, which is only advisory here</source>
        <translation>过量提交模式 0（启发式）：内核只拒绝在内存 + 交换空间中永远放不下的分配；Committed_AS 可以超过 CommitLimit，后者在这里只是参考</translation>
    </message>
    <message>
        <source>overcommit mode 1 (always): every allocation succeeds; running out shows up later as the OOM killer, never as a failed mmap</source>
        <translation>过量提交模式 1（总是）：每次分配都成功；内存耗尽会在之后表现为 OOM killer，而绝不是 mmap 失败</translation>
    </message>
    <message>
        <source>overcommit mode 2 (strict): CommitLimit = swap + %1% of RAM (vm.overcommit_ratio, or vm.overcommit_kbytes) minus huge pages; an mmap or brk that would take Committed_AS past it fails with ENOMEM, as VirtualAlloc(MEM_COMMIT) fails past Windows&apos; commit limit</source>
        <translation>过量提交模式 2（严格）：CommitLimit = 交换空间 + 内存的 %1%（vm.overcommit_ratio，或 vm.overcommit_kbytes）减去大页；会使 Committed_AS 超过它的 mmap 或 brk 以 ENOMEM 失败，就像 VirtualAlloc(MEM_COMMIT) 超过 Windows 的提交限制时失败一样</translation>
    </message>
    <message>
        <source>overcommit mode 2 (strict): CommitLimit = swap + %1% of RAM (vm.overcommit_ratio) minus huge pages; an mmap or brk that would take Committed_AS past it fails with ENOMEM, as VirtualAlloc(MEM_COMMIT) fails past Windows&apos; commit limit</source>
        <translation>过量提交模式 2（严格）：CommitLimit = 交换空间 + 内存的 %1%（vm.overcommit_ratio）减去大页；会使 Committed_AS 超过它的 mmap 或 brk 以 ENOMEM 失败，就像 VirtualAlloc(MEM_COMMIT) 超过 Windows 的提交限制时失败一样</translation>
    </message>
    <message>
        <source>commit limit = RAM + page files: a commit past it fails</source>
        <translation>提交限制 = 内存 + 页面文件：超过它的提交会失败</translation>
    </message>
    <message>
        <source>max (no limit)</source>
        <translation>max（无限制）</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>不可读</translation>
    </message>
    <message>
        <source>address space: %1 of user space free (%2-%3); largest free block %4 at %5</source>
        <translation>地址空间：用户空间中 %1 空闲（%2-%3）；最大空闲块 %4，位于 %5</translation>
    </message>
    <message>
        <source>free blocks %1 to &lt; %2: %3 (%4)</source>
        <translation>空闲块 %1 至 &lt; %2：%3 个（%4）</translation>
    </message>
    <message>
        <source>free blocks %1 to any size: %2 (%3)</source>
        <translation>空闲块 %1 及以上：%2 个（%3）</translation>
    </message>
    <message>
        <source>mappings: %1 regions (Windows has no per-process limit)</source>
        <translation>映射：%1 个区域（Windows 没有每进程的限制）</translation>
    </message>
    <message>
        <source>mappings: %1 of vm.max_map_count %2 (%3); past it mmap fails with ENOMEM</source>
        <translation>映射：%1 个，vm.max_map_count 为 %2（%3）；超过后 mmap 以 ENOMEM 失败</translation>
    </message>
    <message>
        <source>mappings: %1 of vm.max_map_count (not readable); past it mmap fails with ENOMEM</source>
        <translation>映射：%1 个，vm.max_map_count 不可读；超过后 mmap 以 ENOMEM 失败</translation>
    </message>
    <message>
        <source>commit charge: %1 of the commit limit %2 (%3; peak %4); commit limit = RAM %5 + page files %6</source>
        <translation>提交量：%1，提交限制 %2（%3；峰值 %4）；提交限制 = 内存 %5 + 页面文件 %6</translation>
    </message>
    <message>
        <source>page file: %1 of %2 in use</source>
        <translation>页面文件：已用 %1，共 %2</translation>
    </message>
    <message>
        <source>this process: %1 committed private memory (its commit charge)</source>
        <translation>本进程：%1 已提交的私有内存（它的提交量）</translation>
    </message>
    <message>
        <source>commit charge: Committed_AS %1 of CommitLimit %2 (%3); RAM %4 + swap %5 (%6 free)</source>
        <translation>提交量：Committed_AS %1，CommitLimit %2（%3）；内存 %4 + 交换空间 %5（%6 空闲）</translation>
    </message>
    <message>
        <source>commit charge: Committed_AS %1 of CommitLimit %2 (%3); RAM %4 + swap %5 (%6 free): no swap, so the commit charge is backed by RAM alone</source>
        <translation>提交量：Committed_AS %1，CommitLimit %2（%3）；内存 %4 + 交换空间 %5（%6 空闲）：没有交换空间，提交量只由内存支撑</translation>
    </message>
    <message>
        <source>this process: %1 in accountable mappings (VmFlag ac: private writable memory, its share of Committed_AS)</source>
        <translation>本进程：%1 位于计入提交的映射中（VmFlag ac：可写的私有内存，它在 Committed_AS 中的份额）</translation>
    </message>
    <message>
        <source>RLIMIT_AS (Max address space): not readable</source>
        <translation>RLIMIT_AS（最大地址空间）：不可读</translation>
    </message>
    <message>
        <source>RLIMIT_AS (Max address space): %1 soft, %2 hard</source>
        <translation>RLIMIT_AS（最大地址空间）：软限制 %1，硬限制 %2</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>cgroup: no cgroup v2 entry</source>
        <translation>cgroup：没有 cgroup v2 条目</translation>
    </message>
    <message>
        <source>cgroup: %1 (%2)</source>
        <translation>cgroup：%1（%2）</translation>
    </message>
    <message>
        <source>memory.current: %1; memory.max: %2 (%3)</source>
        <translation>memory.current：%1；memory.max：%2（%3）</translation>
    </message>
    <message>
        <source>memory.current: %1; memory.max: %2</source>
        <translation>memory.current：%1；memory.max：%2</translation>
    </message>
    <message>
        <source>memory.swap.current: %1; memory.swap.max: %2</source>
        <translation>memory.swap.current：%1；memory.swap.max：%2</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Reserved (hatched)</source>
        <translation>保留（斜线）</translation>
    </message>
    <message>
        <source>Free (large gaps compressed)</source>
        <translation>空闲（大间隙已压缩）</translation>
    </message>
    <message>
        <source>page: not in RAM</source>
        <translation>页面：不在内存</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>anon</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>保护页</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>零页</translation>
    </message>
    <message>
        <source>read-only (darker)</source>
        <translation>只读（较深）</translation>
    </message>
    <message>
        <source>nothing referenced since the mark</source>
        <translation>标记后未被引用</translation>
    </message>
    <message>
        <source>a few resident pages referenced</source>
        <translation>少数常驻页面被引用</translation>
    </message>
    <message>
        <source>all resident pages referenced</source>
        <translation>全部常驻页面被引用</translation>
    </message>
</context>
<context>
    <name>MapRenderer</name>
    <message>
        <source>%1 free</source>
        <translation>%1 空闲</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>%1 保留</translation>
    </message>
    <message>
        <source>%1, not to scale</source>
        <translation>%1，未按比例</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>not in RAM</source>
        <translation>不在内存</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>anon</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>保护页</translation>
    </message>
    <message>
        <source>heap</source>
        <translation>堆</translation>
    </message>
    <message>
        <source>main stack</source>
        <translation>主线程栈</translation>
    </message>
    <message>
        <source>thread stack (TID %1)</source>
        <translation>线程栈（TID %1）</translation>
    </message>
    <message>
        <source>guard page</source>
        <translation>保护页</translation>
    </message>
    <message>
        <source>named</source>
        <translation>已命名</translation>
    </message>
    <message>
        <source>named: %1</source>
        <translation>已命名：%1</translation>
    </message>
    <message>
        <source>vDSO (kernel code for fast system calls)</source>
        <translation>vDSO（用于快速系统调用的内核代码）</translation>
    </message>
    <message>
        <source>vvar (kernel data for the vDSO)</source>
        <translation>vvar（vDSO 使用的内核数据）</translation>
    </message>
    <message>
        <source>vsyscall (legacy fixed page)</source>
        <translation>vsyscall（旧式固定页）</translation>
    </message>
    <message>
        <source>reserved, no access</source>
        <translation>已保留，不可访问</translation>
    </message>
    <message>
        <source>program image</source>
        <translation>程序映像</translation>
    </message>
    <message>
        <source>file deleted</source>
        <translation>文件已删除</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>零页</translation>
    </message>
    <message>
        <source>shared section (memfd: %1)</source>
        <translation>共享区段对象（memfd：%1）</translation>
    </message>
    <message>
        <source>SysV shared memory</source>
        <translation>SysV 共享内存</translation>
    </message>
    <message>
        <source>shared anonymous memory</source>
        <translation>共享匿名内存</translation>
    </message>
    <message>
        <source>thread stack (TID %1, found by pattern)</source>
        <translation>线程栈（TID %1，按布局特征识别）</translation>
    </message>
    <message>
        <source>likely a thread stack (found by pattern)</source>
        <translation>可能是线程栈（按布局特征识别）</translation>
    </message>
    <message>
        <source>Mapped file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <source>Shareable</source>
        <translation>可共享</translation>
    </message>
    <message>
        <source>Heap</source>
        <translation>堆</translation>
    </message>
    <message>
        <source>Managed heap</source>
        <translation>托管堆</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>Stack guard</source>
        <translation>栈保护页</translation>
    </message>
    <message>
        <source>Private data</source>
        <translation>私有数据</translation>
    </message>
    <message>
        <source>Page table</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>, reserved (no access, not committed)</source>
        <translation>，保留（不可访问，未提交）</translation>
    </message>
    <message>
        <source>, not in this process&apos;s page tables (a file&apos;s page may still be in the page cache)</source>
        <translation>，不在本进程的页表中（文件的页面可能仍在页缓存里）</translation>
    </message>
    <message>
        <source>, not in this process&apos;s page tables</source>
        <translation>，不在本进程的页表中</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>ps&apos;s RSS = RssAnon + RssFile + RssShmem. RSS counts a shared page in full in every process that maps it; PSS divides it among them: PSS here is %1, %2 less. Private WS (USS) %3 is what freeing this process alone would give back.</source>
        <translation>ps 的 RSS = RssAnon + RssFile + RssShmem。RSS 把共享页在映射它的每个进程中都整页计入；PSS 则在这些进程之间均分：这里 PSS 为 %1，少 %2。私有工作集（USS）%3 是单独释放这个进程能收回的内存。</translation>
    </message>
    <message>
        <source>anonymous pages: heap, stacks, private data, and the private copies made when a private file mapping is written (copy-on-write). Heap WS here is %1: a heap profiler counts the bytes malloc handed out, not the pages touched, so it shows less (pages of freed chunks stay resident) or more (allocated but never touched pages are not in RAM).</source>
        <translation>匿名页：堆、栈、私有数据，以及写入私有文件映射时产生的私有副本（写时复制）。这里堆工作集为 %1：堆分析器统计的是 malloc 分配出去的字节，而不是访问过的页面，所以它可能显示得更少（已释放块的页面仍驻留）或更多（已分配但从未访问的页面不在内存中）。</translation>
    </message>
    <message>
        <source>page-cache pages of images and mapped files (and the vDSO): shareable with every process mapping the same file, and dropped rather than swapped under pressure.</source>
        <translation>映像和映射文件（以及 vDSO）的页缓存页：可与映射同一文件的每个进程共享，内存紧张时被丢弃而不是换出。</translation>
    </message>
    <message>
        <source>shared memory pages (the Shareable use and files on tmpfs): counted once per process mapping them, like file pages, but they can only go to swap, not back to a file.</source>
        <translation>共享内存页（可共享用途和 tmpfs 上的文件）：像文件页一样在每个映射它们的进程中各计一次，但它们只能换出到交换空间，不能写回文件。</translation>
    </message>
    <message>
        <source>anonymous pages written to swap (the page file). Swapped shmem pages (%1 here) show in the regions&apos; Swap but not in VmSwap: they belong to the shared object, not the process.</source>
        <translation>写入交换空间（页面文件）的匿名页。被换出的共享内存页（这里为 %1）计入各区域的交换量，但不计入 VmSwap：它们属于共享对象，而不属于进程。</translation>
    </message>
    <message>
        <source>the page tables that map this process&apos;s pages: kernel memory, not in RSS and not in any region.</source>
        <translation>映射这个进程页面的页表：内核内存，不计入 RSS，也不属于任何区域。</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::AddressMapView</name>
    <message>
        <source>The address map: every region of the process from the lowest address (top left) to the highest. Wheel to zoom, drag to measure a range, click to select.</source>
        <translation>地址地图：进程的每个区域，从最低地址（左上角）到最高地址。滚轮缩放，拖动测量一段范围，单击选择。</translation>
    </message>
    <message>
        <source>No snapshot yet</source>
        <translation>还没有快照</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>大小：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>RSS %1 · Swap %2</source>
        <translation>常驻 %1 · 交换 %2</translation>
    </message>
    <message>
        <source>Page 0x%1: %2%3</source>
        <translation>页面 0x%1：%2%3</translation>
    </message>
    <message>
        <source>, exclusive</source>
        <translation>，独占</translation>
    </message>
    <message>
        <source>S&amp;hrink Free Gaps</source>
        <translation>收窄空闲间隙(&amp;H)</translation>
    </message>
    <message>
        <source>Draw large free gaps as narrow marks instead of labelled breaks</source>
        <translation>将大的空闲间隙画成窄标记，而不是带标注的断口</translation>
    </message>
    <message>
        <source>Colour by &amp;Use</source>
        <translation>按用途着色(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Colour regions by what they are for (heap, stack, shareable…) instead of their type</source>
        <translation>按区域的用途（堆、栈、可共享…）而不是类型着色</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::DetailsPanel</name>
    <message>
        <source>No region selected</source>
        <translation>未选择区域</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>%1 %2 region</source>
        <translation>%1的%2区域</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>A file mapped to run code (program, shared library): Windows MEM_IMAGE. Its pages come from the file; writes to it are copied (copy-on-write).</source>
        <translation>为运行代码而映射的文件（程序、共享库）：Windows MEM_IMAGE。页面来自文件；对它的写入会被复制（写时复制）。</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>A file or shared section mapped as data: Windows MEM_MAPPED (MapViewOfFile).</source>
        <translation>作为数据映射的文件或共享内存区：Windows MEM_MAPPED（MapViewOfFile）。</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>No mapping: addresses the process may still allocate (Windows MEM_FREE).</source>
        <translation>没有映射：进程仍可分配的地址（Windows MEM_FREE）。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Address space held with no access (PROT_NONE): Windows MEM_RESERVE. Touching it faults.</source>
        <translation>已占用但不可访问的地址空间（PROT_NONE）：Windows MEM_RESERVE。访问它会出错。</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Usable memory: Windows MEM_COMMIT. Pages get RAM when first touched.</source>
        <translation>可用的内存：Windows MEM_COMMIT。页面在第一次访问时获得物理内存。</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Shared: writes are seen by every process mapping the same object.</source>
        <translation>共享：映射同一对象的每个进程都能看到写入。</translation>
    </message>
    <message>
        <source>Copy-on-write view (PAGE_WRITECOPY): a write makes a private copy of the page.</source>
        <translation>写时复制视图（PAGE_WRITECOPY）：写入会生成该页的私有副本。</translation>
    </message>
    <message>
        <source>Private: writes stay in this process (copy-on-write for file pages).</source>
        <translation>私有：写入只留在本进程中（文件页为写时复制）。</translation>
    </message>
    <message>
        <source>Backed by</source>
        <translation>后备对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>offset %1, device %2, inode %3</source>
        <translation>偏移 %1，设备 %2，索引节点 %3</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>常驻集 (RSS)</translation>
    </message>
    <message>
        <source>Resident set: bytes of this region in RAM now (Windows: working set).</source>
        <translation>常驻集：该区域当前在内存中的字节数（Windows：工作集）。</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>比例集 (PSS)</translation>
    </message>
    <message>
        <source>Proportional set: RSS with each shared page divided by the number of processes mapping it.</source>
        <translation>比例集：每个共享页除以映射它的进程数后的 RSS。</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Bytes written out to swap (Windows: the page file, pagefile.sys).</source>
        <translation>写出到交换空间的字节数（Windows：页面文件 pagefile.sys）。</translation>
    </message>
    <message>
        <source>Shared clean</source>
        <translation>共享·干净</translation>
    </message>
    <message>
        <source>In RAM, also mapped by other processes, unmodified: can be dropped and read again.</source>
        <translation>在内存中，也被其他进程映射，未修改：可以丢弃后再读回。</translation>
    </message>
    <message>
        <source>Shared dirty</source>
        <translation>共享·脏</translation>
    </message>
    <message>
        <source>In RAM, also mapped elsewhere, modified (a shared section someone wrote).</source>
        <translation>在内存中，也被别处映射，已修改（某个进程写过的共享内存区）。</translation>
    </message>
    <message>
        <source>Private clean</source>
        <translation>私有·干净</translation>
    </message>
    <message>
        <source>In RAM, only this process maps it, unmodified.</source>
        <translation>在内存中，只有本进程映射，未修改。</translation>
    </message>
    <message>
        <source>Private dirty</source>
        <translation>私有·脏</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Pages with no file behind them: heap data, or copies made by copy-on-write.</source>
        <translation>没有文件支持的页面：堆数据，或写时复制产生的副本。</translation>
    </message>
    <message>
        <source>Referenced</source>
        <translation>最近引用</translation>
    </message>
    <message>
        <source>Pages used recently.</source>
        <translation>最近被使用的页面。</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Pages pinned in RAM (mlock): never swapped.</source>
        <translation>固定在内存中的页面（mlock）：永不换出。</translation>
    </message>
    <message>
        <source>Swap PSS</source>
        <translation>交换 PSS</translation>
    </message>
    <message>
        <source>Swap divided among the processes sharing it.</source>
        <translation>按共享进程数分摊的交换量。</translation>
    </message>
    <message>
        <source>Anon huge pages</source>
        <translation>匿名大页</translation>
    </message>
    <message>
        <source>Bytes backed by transparent huge pages.</source>
        <translation>由透明大页支持的字节数。</translation>
    </message>
    <message>
        <source>VM flags</source>
        <translation>虚拟内存标志</translation>
    </message>
    <message>
        <source>Selected range</source>
        <translation>选定的范围</translation>
    </message>
    <message>
        <source>Mapped in it</source>
        <translation>其中已映射</translation>
    </message>
    <message>
        <source>Bytes of the range inside some region.</source>
        <translation>范围中落在某个区域内的字节数。</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域数</translation>
    </message>
    <message>
        <source>Of the regions it touches, whole.</source>
        <translation>按其涉及的完整区域计算。</translation>
    </message>
    <message>
        <source>Reading pages…</source>
        <translation>正在读取页面…</translation>
    </message>
    <message>
        <source>real %1, effective %2, saved %3, filesystem %4</source>
        <translation>实际 %1，有效 %2，保存 %3，文件系统 %4</translation>
    </message>
    <message>
        <source>Proportional set of the regions it touches: each shared page divided by the processes mapping it. Below RSS when other processes map the same pages.</source>
        <translation>所涉及区域的比例集（PSS）：每个共享页按映射它的进程数均分。其他进程映射同一批页时低于 RSS。</translation>
    </message>
    <message>
        <source>Memory only this process uses (heap, stacks, anonymous mmap): Windows MEM_PRIVATE (VirtualAlloc). Committed private memory is what Windows counts as private bytes, in RAM or not.</source>
        <translation>只有本进程使用的内存（堆、栈、匿名 mmap）：Windows MEM_PRIVATE（VirtualAlloc）。已提交的私有内存，无论是否在物理内存中，都计入 Windows 的“专用字节”（private bytes）。</translation>
    </message>
    <message>
        <source>A shared view, read-only here: this process cannot write to it; it sees what processes with a writable view write.</source>
        <translation>共享视图，在此为只读：本进程不能写入；它能看到持有可写视图的进程写入的内容。</translation>
    </message>
    <message>
        <source>In RAM, only this process maps it, modified: to free the RAM it would have to go to swap (Windows: part of the private working set).</source>
        <translation>在物理内存中，只有本进程映射，已修改：要释放这部分内存，必须先写入交换空间（Windows：属于专用工作集）。</translation>
    </message>
    <message>
        <source> (thread %1)</source>
        <translation>（线程 %1）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>What the region is for (VMMap&apos;s use).</source>
        <translation>该区域的用途（VMMap 的“用途”）。</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>%1 (read %2 s before)</source>
        <translation>%1（%2 秒前读取）</translation>
    </message>
    <message>
        <source>Free gap</source>
        <translation>空闲间隙</translation>
    </message>
    <message>
        <source>%1: real, effective, saved and filesystem</source>
        <translation>%1（实际、有效、保存和文件系统用户相同）</translation>
    </message>
    <message>
        <source>%1 (1 page)</source>
        <translation>%1（1 页）</translation>
    </message>
    <message>
        <source>%1 (%2 pages)</source>
        <translation>%1（%2 页）</translation>
    </message>
    <message>
        <source>RSS of its regions</source>
        <translation>所在区域 RSS</translation>
    </message>
    <message>
        <source>The regions it touches, whole: %1 of them lies outside the range. The pages below are the range&apos;s own.</source>
        <translation>所涉及区域的整体数值：其中 %1 位于范围之外。下方的页面只属于这个范围。</translation>
    </message>
    <message>
        <source>PSS of its regions</source>
        <translation>所在区域 PSS</translation>
    </message>
    <message>
        <source>Proportional set of the regions it touches, whole: each shared page divided by the processes mapping it.</source>
        <translation>所涉及区域的整体比例集：每个共享页按映射它的进程数均分。</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::ExportDialogs</name>
    <message>
        <source>%1 (PID %2) — %3</source>
        <translation>%1（PID %2）— %3</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>将地图导出为 PNG</translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <source>Height (px)</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <source>The image has a title (process, PID, time), the whole map and a legend.</source>
        <translation>图像包含标题（进程、PID、时间）、完整地图和图例。</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save snapshot as JSON</source>
        <translation>将快照保存为 JSON</translation>
    </message>
    <message>
        <source>Export regions as CSV</source>
        <translation>将区域导出为 CSV</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 (PID %2) on %3 — %4</source>
        <translation>%1（PID %2），在 %3 上 — %4</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::HexView</name>
    <message>
        <source>Previous 4 KiB</source>
        <translation>上一个 4 KiB</translation>
    </message>
    <message>
        <source>Next 4 KiB</source>
        <translation>下一个 4 KiB</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Show the text column as UTF-16LE characters (Windows strings)</source>
        <translation>将文本列显示为 UTF-16LE 字符（Windows 字符串）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the shown dump to the clipboard</source>
        <translation>将显示的转储复制到剪贴板</translation>
    </message>
    <message>
        <source>Save Range…</source>
        <translation>保存范围…</translation>
    </message>
    <message>
        <source>Write the bytes of the whole range to a file (pages not read are zeros)</source>
        <translation>将整个范围的字节写入文件（未读取的页面为零）</translation>
    </message>
    <message>
        <source>Reading a page that is not in RAM brings it in: the process&apos;s RSS grows and you no longer see it as it was. Off, such pages show as &quot;not in RAM (not read)&quot;.</source>
        <translation>读取不在内存中的页面会将其调入内存：进程的 RSS 随之增长，你看到的不再是原来的样子。关闭时，这类页面显示为“不在内存（未读取）”。</translation>
    </message>
    <message>
        <source>Select a region of a live process to see its bytes.</source>
        <translation>选择运行中进程的一个区域以查看其字节。</translation>
    </message>
    <message>
        <source>Bytes of %1 (%2), process %3</source>
        <translation>%1 的字节（%2），进程 %3</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2 页</translation>
    </message>
    <message>
        <source>Cannot read the bytes: %1</source>
        <translation>无法读取字节：%1</translation>
    </message>
    <message>
        <source>Read %1; not in RAM (not read) %2; unreadable %3.</source>
        <translation>已读取 %1；不在内存（未读取）%2；不可读 %3。</translation>
    </message>
    <message>
        <source>Pages that were not in RAM were read: they are in RAM now, and the process&apos;s RSS grew.</source>
        <translation>读取了不在内存中的页面：它们现在已在内存中，进程的 RSS 已增长。</translation>
    </message>
    <message>
        <source>Nothing to save: no range is shown.</source>
        <translation>没有可保存的内容：未显示任何范围。</translation>
    </message>
    <message>
        <source>The range is %1; at most %2 are saved at once. Select a smaller range (drag on the map).</source>
        <translation>该范围为 %1；一次最多保存 %2。请选择更小的范围（在地图上拖动）。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save the range&apos;s bytes</source>
        <translation>保存范围的字节</translation>
    </message>
    <message>
        <source>Raw bytes (*.bin);;All files (*)</source>
        <translation>原始字节 (*.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>已将 %1 保存到 %2。</translation>
    </message>
    <message>
        <source>The bytes read match the file&apos;s (%1).</source>
        <translation>读取的字节与文件（%1）中的相同。</translation>
    </message>
    <message>
        <source>The bytes read differ from the file&apos;s (%1): this process&apos;s own copy.</source>
        <translation>读取的字节与文件（%1）中的不同：这是本进程自己的副本。</translation>
    </message>
    <message>
        <source>%1 page(s) match the file&apos;s (%3), %2 differ: this process&apos;s own copies.</source>
        <translation>%1 个页面与文件（%3）中的相同，%2 个不同：那些是本进程自己的副本。</translation>
    </message>
    <message>
        <source>Saving %1 to %2…</source>
        <translation>正在将 %1 保存到 %2…</translation>
    </message>
    <message>
        <source>not in RAM (not read)</source>
        <translation>不在内存（未读取）</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>不可读</translation>
    </message>
    <message>
        <source>%1 not in RAM (not read)</source>
        <translation>不在内存（未读取）%1</translation>
    </message>
    <message>
        <source>%1 unreadable</source>
        <translation>不可读 %1</translation>
    </message>
    <message>
        <source>Zeros in the file: %1.</source>
        <translation>文件中写为零的部分：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Read pages not in RAM</source>
        <translation>读取不在内存中的页面</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::InsideTools</name>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>&amp;Inside</source>
        <translation>内部(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Strings and Search…</source>
        <translation>字符串与搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Mark Working Set…</source>
        <translation>标记工作集(&amp;M)…</translation>
    </message>
    <message>
        <source>Clear the process&apos;s referenced bits, to see what it touches from now on</source>
        <translation>清除进程的引用位，以查看它从现在起访问了什么</translation>
    </message>
    <message>
        <source>Colour by &amp;Referenced since Mark</source>
        <translation>按标记后的引用着色(&amp;R)</translation>
    </message>
    <message>
        <source>Heat: the share of each region&apos;s resident pages the process touched since the mark (pale: none, yellow to red: some to all)</source>
        <translation>热度：每个区域的常驻页面中，进程自标记以来访问过的比例（浅色：没有，黄到红：部分到全部）</translation>
    </message>
    <message>
        <source>&amp;Trim Working Set…</source>
        <translation>修剪工作集(&amp;T)…</translation>
    </message>
    <message>
        <source>Mark Selected Region &amp;Cold…</source>
        <translation>将所选区域标记为冷(&amp;C)…</translation>
    </message>
    <message>
        <source>Bytes are read from a live process only: this is a saved or past snapshot.</source>
        <translation>字节只能从运行中的进程读取：这是已保存的或过去的快照。</translation>
    </message>
    <message>
        <source>Strings and search read a live process: choose one first.</source>
        <translation>字符串与搜索需要读取运行中的进程：请先选择一个进程。</translation>
    </message>
    <message>
        <source>Mark acts on a live process: choose one first.</source>
        <translation>标记作用于运行中的进程：请先选择一个进程。</translation>
    </message>
    <message>
        <source>Mark the working set</source>
        <translation>标记工作集</translation>
    </message>
    <message>
        <source>Clear the referenced bits of every page of process %1 (/proc/%1/clear_refs)?

From now on each region&apos;s Referenced counter shows what the process touched since. This changes the process&apos;s page-reclaim state (the kernel uses these bits to choose pages to reclaim) and needs write access to its /proc files. Its memory is not changed.</source>
        <translation>清除进程 %1 所有页面的引用位（/proc/%1/clear_refs）？

此后每个区域的“最近引用”计数器显示进程自那时起访问过的内容。这会改变进程的页面回收状态（内核根据这些位选择要回收的页面），并且需要对其 /proc 文件的写权限。进程的内存不会被改变。</translation>
    </message>
    <message>
        <source>Cannot mark: %1</source>
        <translation>无法标记：%1</translation>
    </message>
    <message>
        <source>Marked process %1: the map now shows what it touches since (Referenced since mark).</source>
        <translation>已标记进程 %1：地图现在显示它此后访问的内容（标记后的引用）。</translation>
    </message>
    <message>
        <source>Trim acts on a live process: choose one first.</source>
        <translation>修剪作用于运行中的进程：请先选择一个进程。</translation>
    </message>
    <message>
        <source>the whole working set of process %1</source>
        <translation>进程 %1 的整个工作集</translation>
    </message>
    <message>
        <source>Select a committed region to trim first.</source>
        <translation>请先选择一个已提交的区域来修剪。</translation>
    </message>
    <message>
        <source>the region %1 of process %2</source>
        <translation>进程 %2 的区域 %1</translation>
    </message>
    <message>
        <source>MADV_COLD marks the pages as the first to reclaim under memory pressure; nothing is dropped now.</source>
        <translation>MADV_COLD 将这些页面标记为内存紧张时最先回收的页面；现在不会丢弃任何页面。</translation>
    </message>
    <message>
        <source>MADV_PAGEOUT drops file-backed pages now (they come back from their files, as faults, when touched); without swap, anonymous pages (heap, stacks) have nowhere to go and stay. On Windows: EmptyWorkingSet.</source>
        <translation>MADV_PAGEOUT 立即丢弃由文件支持的页面（访问时会以缺页的方式从文件重新读入）；没有交换空间时，匿名页面（堆、栈）无处可去，会留在内存中。在 Windows 上：EmptyWorkingSet。</translation>
    </message>
    <message>
        <source>Trim the working set</source>
        <translation>修剪工作集</translation>
    </message>
    <message>
        <source>Trim %1?

%2

The process keeps running; its memory is not changed, only where its pages are. This needs CAP_SYS_NICE besides access to the process.</source>
        <translation>修剪%1？

%2

进程继续运行；其内存内容不会改变，改变的只是页面所在的位置。除了访问该进程的权限外，这还需要 CAP_SYS_NICE。</translation>
    </message>
    <message>
        <source>Cannot trim: %1</source>
        <translation>无法修剪：%1</translation>
    </message>
    <message>
        <source>+%1 minor and +%2 major faults</source>
        <translation>次要缺页 +%1，主要缺页 +%2</translation>
    </message>
    <message>
        <source>+%1 faults</source>
        <translation>缺页 +%1</translation>
    </message>
    <message>
        <source>Since the trim (%1 s): RSS %2 (%3), %4.</source>
        <translation>修剪后（%1 秒）：RSS %2（变化 %3），%4。</translation>
    </message>
    <message>
        <source>mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>trim</source>
        <translation>修剪</translation>
    </message>
    <message>
        <source>The same bytes in process A (%1):</source>
        <translation>进程 A（%1）中的相同字节：</translation>
    </message>
    <message>
        <source>Trimmed %1 (the kernel took %2 of ranges). %3</source>
        <translation>已修剪%1（内核接受了 %2 的范围）。%3</translation>
    </message>
    <message>
        <source>Trim Selected Re&amp;gion…</source>
        <translation>修剪所选区域(&amp;G)…</translation>
    </message>
    <message>
        <source>The same range in process B (%1):</source>
        <translation>进程 B（%1）中的同一范围：</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::IntervalBox</name>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>0.5 s</source>
        <translation>0.5 秒</translation>
    </message>
    <message>
        <source>1 s</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>2 s</source>
        <translation>2 秒</translation>
    </message>
    <message>
        <source>5 s</source>
        <translation>5 秒</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>How often a new snapshot is taken</source>
        <translation>多久拍摄一次新快照</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>刷新间隔</translation>
    </message>
    <message>
        <source>Milliseconds between snapshots (at least 100):</source>
        <translation>快照之间的毫秒数（至少 100）：</translation>
    </message>
    <message>
        <source>%1 s (custom)</source>
        <translation>%1 秒（自定义）</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::LabDock</name>
    <message>
        <source>Lab</source>
        <translation>实验</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::LabPanel</name>
    <message>
        <source>No lab running</source>
        <translation>没有正在运行的实验</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>The lab&apos;s main size: a whole number of pages, at most 1 GiB. Takes effect when the lab (re)starts.</source>
        <translation>实验的主要大小：整数个页面，最大 1 GiB。在实验（重新）开始时生效。</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>process A</source>
        <translation>进程 A</translation>
    </message>
    <message>
        <source>process B</source>
        <translation>进程 B</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Run the next step</source>
        <translation>运行下一步</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lab target has exited.&lt;/b&gt; Restart the lab to go on.</source>
        <translation>&lt;b&gt;实验目标进程已退出。&lt;/b&gt;请重新开始实验以继续。</translation>
    </message>
    <message>
        <source>Starting the lab target…</source>
        <translation>正在启动实验目标进程…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The lab could not start:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;实验无法启动：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>Lab target A is process %1. Run the steps in order.</source>
        <translation>实验目标 A 是进程 %1。请按顺序运行各步骤。</translation>
    </message>
    <message>
        <source>Run step %1: %2</source>
        <translation>运行第 %1 步：%2</translation>
    </message>
    <message>
        <source>The lab is done</source>
        <translation>实验已完成</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Done.&lt;/b&gt; Restart to run it again, or choose another lab from the Labs menu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;完成。&lt;/b&gt;重新开始可再运行一次，或从“实验”菜单选择其他实验。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step %1 failed:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;第 %1 步失败：&lt;/b&gt;%2</translation>
    </message>
    <message>
        <source>The lab target has exited. Restart the lab to go on.</source>
        <translation>实验目标进程已退出。请重新开始实验以继续。</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>The lab was stopped; its processes have ended.</source>
        <translation>实验已停止，它的进程已结束。</translation>
    </message>
    <message>
        <source>Run step %1</source>
        <translation>运行第 %1 步</translation>
    </message>
    <message>
        <source>Click a step to read what it does</source>
        <translation>点击某一步，阅读它做什么</translation>
    </message>
    <message>
        <source>Step %1, done: %2</source>
        <translation>第 %1 步（已完成）：%2</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::LimitsPanel</name>
    <message>
        <source>Limits of process %1</source>
        <translation>进程 %1 的限制</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;A saved snapshot: only its address space is known; the system&apos;s commit charge, the process&apos;s limits and its cgroup are read from a live process.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;这是保存的快照：只知道它的地址空间；系统的提交量、进程的限制和它的 cgroup 需要从运行中的进程读取。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No process</source>
        <translation>没有进程</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::MainWindow</name>
    <message>
        <source>VM Atlas</source>
        <translation>VM Atlas 虚拟内存地图</translation>
    </message>
    <message>
        <source>%1 at %2. The last snapshot stays on screen; the timeline keeps the history.</source>
        <translation>%1（%2）。最后一个快照保留在屏幕上；时间线保留历史记录。</translation>
    </message>
    <message>
        <source>Choose another process…</source>
        <translation>选择其他进程…</translation>
    </message>
    <message>
        <source>Access denied: %1</source>
        <translation>访问被拒绝：%1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Shown below is what any user may read of process %1 (its status).</source>
        <translation>&lt;br&gt;下面显示的是任何用户都能读取的进程 %1 信息（其状态）。</translation>
    </message>
    <message>
        <source>Process %1 (status only)</source>
        <translation>进程 %1（仅状态）</translation>
    </message>
    <message>
        <source>Cannot open the snapshot: %1</source>
        <translation>无法打开快照：%1</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>打开其他…</translation>
    </message>
    <message>
        <source>Colours: region types; hatched: reserved; page colours appear when zoomed in to single pages</source>
        <translation>颜色：区域类型；斜线：保留；放大到单个页面时显示页面颜色</translation>
    </message>
    <message>
        <source>&amp;Regions</source>
        <translation>区域(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>汇总(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Choose Process…</source>
        <translation>选择进程(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Open Snapshot…</source>
        <translation>打开快照(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Co&amp;mpare With Snapshot…</source>
        <translation>与快照比较(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Export Map as &amp;PNG…</source>
        <translation>将地图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export Regions as &amp;CSV…</source>
        <translation>将区域导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Save Snapshot as JSON…</source>
        <translation>将快照保存为 JSON(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Whole Address Space</source>
        <translation>显示整个地址空间(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Jump to Address…</source>
        <translation>跳转到地址(&amp;J)…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Search by Path…</source>
        <translation>按路径搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Back to &amp;Live</source>
        <translation>回到实时(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation>采样(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <source>Snapshot &amp;Now</source>
        <translation>立即快照(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The language changes the next time VM Atlas starts.</source>
        <translation>语言将在 VM Atlas 下次启动时更改。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About VM Atlas</source>
        <translation>关于 VM Atlas(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source> Refresh </source>
        <translation> 刷新 </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>Comparing with %1: %2 added, %3 removed, %4 changed (outlined on the map, tinted in the table).</source>
        <translation>与 %1 比较：新增 %2，移除 %3，变化 %4（在地图上以轮廓标出，在表格中以底色标出）。</translation>
    </message>
    <message>
        <source>%1 (PID %2) – VM Atlas</source>
        <translation>%1（PID %2）– VM Atlas</translation>
    </message>
    <message>
        <source>0x%1 lies outside the mapped address space</source>
        <translation>0x%1 位于已映射的地址空间之外</translation>
    </message>
    <message>
        <source>Open a snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <source>Compare with a snapshot</source>
        <translation>与快照比较</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Jump to address</source>
        <translation>跳转到地址</translation>
    </message>
    <message>
        <source>Address (hex, e.g. 0x7f12a4000000):</source>
        <translation>地址（十六进制，例如 0x7f12a4000000）：</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a hex address</source>
        <translation>“%1”不是十六进制地址</translation>
    </message>
    <message>
        <source>About VM Atlas</source>
        <translation>关于 VM Atlas</translation>
    </message>
    <message>
        <source>&lt;h3&gt;VM Atlas %1&lt;/h3&gt;&lt;p&gt;A live map of a process&apos;s virtual address space: Image, Mapped and Private memory, Free, Reserved and Committed, down to single pages.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;VM Atlas %1&lt;/h3&gt;&lt;p&gt;进程虚拟地址空间的实时地图：映像、映射和私有内存，空闲、保留和已提交，细致到单个页面。&lt;/p&gt;&lt;p&gt;以 MIT 许可证发布。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;choose a process&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;open a snapshot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;compare with a snapshot&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;save the snapshot as JSON&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export PNG / CSV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;jump to an address&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;search by path&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;snapshot now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pause or resume sampling&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;back to live&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;wheel, + / −&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom the map around the pointer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F, 0, Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;fit the whole address space&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;measure a range; Esc clears it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;middle drag, Shift+wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pan&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;选择进程&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;打开快照&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;与快照比较&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;将快照保存为 JSON&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;导出 PNG / CSV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;跳转到地址&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;按路径搜索&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;立即快照&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;暂停或继续采样&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;回到实时&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;滚轮、+ / −&lt;/b&gt;&lt;/td&gt;&lt;td&gt;以指针为中心缩放地图&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F、0、Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示整个地址空间&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;拖动&lt;/b&gt;&lt;/td&gt;&lt;td&gt;测量一段范围；Esc 清除&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;中键拖动、Shift+滚轮&lt;/b&gt;&lt;/td&gt;&lt;td&gt;平移&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>The lab failed: %1</source>
        <translation>实验失败：%1</translation>
    </message>
    <message>
        <source>Process…</source>
        <translation>进程…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Zoom −</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom +</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Jump…</source>
        <translation>跳转…</translation>
    </message>
    <message>
        <source>PID %1 is a thread of process %2; showing %2</source>
        <translation>PID %1 是进程 %2 的一个线程；显示进程 %2</translation>
    </message>
    <message>
        <source>Li&amp;mits</source>
        <translation>限制(&amp;M)</translation>
    </message>
    <message>
        <source>VM Atlas snapshots, core dumps and minidumps (*.json *.core core core.* *.dmp);;All files (*)</source>
        <translation>VM Atlas 快照、核心转储和小型转储 (*.json *.core core core.* *.dmp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Page Down, Ctrl+Return&lt;/b&gt;&lt;/td&gt;&lt;td&gt;a lab&apos;s next step (a presenter&apos;s clicker sends Page Down)&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Page Down、Ctrl+Return&lt;/b&gt;&lt;/td&gt;&lt;td&gt;实验的下一步（演示翻页笔发送的就是 Page Down）&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Run the &amp;Next Step</source>
        <translation>运行下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>The lab “%1” ended when the Lab dock was closed, and its processes with it. The last snapshot stays on screen.</source>
        <translation>关闭“实验”面板时，实验“%1”连同它的进程一起结束了。最后一次快照仍留在屏幕上。</translation>
    </message>
    <message>
        <source>Start the Lab Again</source>
        <translation>重新开始实验</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::PageRequests</name>
    <message>
        <source>A free gap has no pages.</source>
        <translation>空闲间隙没有页面。</translation>
    </message>
    <message>
        <source>Pages are read from a live process; this snapshot has none.</source>
        <translation>页面只能从运行中的进程读取；此快照没有页面。</translation>
    </message>
    <message>
        <source>Nothing is mapped here: no pages.</source>
        <translation>这里没有映射任何内容：没有页面。</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::PageStrip</name>
    <message>
        <source>Select a region to see its pages</source>
        <translation>选择一个区域以查看其页面</translation>
    </message>
    <message>
        <source>not in RAM</source>
        <translation>不在内存</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>anon</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>guard</source>
        <translation>保护页</translation>
    </message>
    <message>
        <source>exclusive %1</source>
        <translation>独占 %1</translation>
    </message>
    <message>
        <source>Page 0x%1: %2%3</source>
        <translation>页面 0x%1：%2%3</translation>
    </message>
    <message>
        <source>, exclusive to this process</source>
        <translation>，由本进程独占</translation>
    </message>
    <message>
        <source>● shared %1</source>
        <translation>● 共享 %1</translation>
    </message>
    <message>
        <source>, shared with another process</source>
        <translation>，与其他进程共享</translation>
    </message>
    <message>
        <source>zero page</source>
        <translation>零页</translation>
    </message>
    <message>
        <source>hatched: reserved %1</source>
        <translation>斜线：保留 %1</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::PostMortemMode</name>
    <message>
        <source>Post-mortem: the minidump %1 of process %2. Regions as VirtualQueryEx gave them; no live refresh, no counters (a dump holds contents, not residency); pages show what the dump holds.</source>
        <translation>事后分析：进程 %2 的小型转储 %1。区域与 VirtualQueryEx 给出的一致；不实时刷新，没有计数器（转储保存的是内容，而不是驻留情况）；页面显示转储中保存了哪些页。</translation>
    </message>
    <message>
        <source>Post-mortem: the core file %1 of process %2. Regions from its segments and file notes; no live refresh, no counters (a core holds contents, not residency); pages show what the core holds.</source>
        <translation>事后分析：进程 %2 的核心转储文件 %1。区域来自其段和文件注释；不实时刷新，没有计数器（核心转储保存的是内容，而不是驻留情况）；页面显示核心转储中保存了哪些页。</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::ProcessListModel</name>
    <message>
        <source>yes</source>
        <translation>可以</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>无权访问</translation>
    </message>
    <message>
        <source>You cannot read this process&apos;s memory: that needs ptrace-read access (the same user, root, or CAP_SYS_PTRACE).</source>
        <translation>你无法读取此进程的内存：这需要 ptrace 读取权限（同一用户、root 或 CAP_SYS_PTRACE）。</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>常驻集 (RSS)</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>%1 · PID %2 inside</source>
        <translation>%1 · 容器内 PID %2</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::ProcessPicker</name>
    <message>
        <source>Choose a process</source>
        <translation>选择进程</translation>
    </message>
    <message>
        <source>Filter by name, PID, user or command line</source>
        <translation>按名称、PID、用户或命令行筛选</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n 个进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n you cannot read (greyed: they need ptrace-read access)</source>
        <translation>
            <numerusform>，%n 个无法读取（灰色：需要 ptrace 读取权限）</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the processes of one container (cgroup v2 path) only</source>
        <translation>只显示一个容器（cgroup v2 路径）中的进程</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>所有进程</translation>
    </message>
    <message>
        <source>In a container</source>
        <translation>在容器中</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RecentFiles</name>
    <message>
        <source>No recent snapshots</source>
        <translation>没有最近的快照</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清除列表</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RegionTableModel</name>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>索引节点</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>常驻集 (RSS)</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>比例集 (PSS)</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Shared clean</source>
        <translation>共享·干净</translation>
    </message>
    <message>
        <source>Shared dirty</source>
        <translation>共享·脏</translation>
    </message>
    <message>
        <source>Private clean</source>
        <translation>私有·干净</translation>
    </message>
    <message>
        <source>Private dirty</source>
        <translation>私有·脏</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>PSS dirty</source>
        <translation>PSS·脏</translation>
    </message>
    <message>
        <source>Referenced</source>
        <translation>最近引用</translation>
    </message>
    <message>
        <source>KSM</source>
        <translation>KSM</translation>
    </message>
    <message>
        <source>Lazy free</source>
        <translation>延迟释放</translation>
    </message>
    <message>
        <source>Anon huge pages</source>
        <translation>匿名大页</translation>
    </message>
    <message>
        <source>Swap PSS</source>
        <translation>交换 PSS</translation>
    </message>
    <message>
        <source>VM flags</source>
        <translation>虚拟内存标志</translation>
    </message>
    <message>
        <source>Image: program and libraries; Mapped: files and shared sections; Private: heap, stacks, anonymous memory</source>
        <translation>映像：程序和库；映射：文件和共享内存区；私有：堆、栈、匿名内存</translation>
    </message>
    <message>
        <source>Committed: usable; Reserved: address space held with no access; Free: a gap</source>
        <translation>已提交：可用；保留：已占用但不可访问的地址空间；空闲：间隙</translation>
    </message>
    <message>
        <source>r/w/x, then p private, s shared, c copy-on-write view</source>
        <translation>r 可读、w 可写、x 可执行，然后 p 表示私有，s 表示共享，c 表示写时复制视图</translation>
    </message>
    <message>
        <source>Resident set: bytes of this region in RAM (Windows: working set)</source>
        <translation>常驻集：该区域在内存中的字节数（Windows：工作集）</translation>
    </message>
    <message>
        <source>Proportional set: RSS with each shared page divided among the processes sharing it</source>
        <translation>比例集：每个共享页按共享进程数分摊后的 RSS</translation>
    </message>
    <message>
        <source>Bytes written out to swap (Windows: the page file)</source>
        <translation>写出到交换空间的字节数（Windows：页面文件）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Pages only this process maps and has modified (Windows: part of the private working set)</source>
        <translation>只有本进程映射且已修改的页面（Windows：属于专用工作集）</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>%1 (likely)</source>
        <translation>%1（推测）</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Private WS</source>
        <translation>专用工作集</translation>
    </message>
    <message>
        <source>Shareable WS</source>
        <translation>可共享工作集</translation>
    </message>
    <message>
        <source>Shared WS</source>
        <translation>共享工作集</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>%1 bytes, read %2 s before this snapshot</source>
        <translation>%1 字节，于此快照前 %2 秒读取</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RegionsTab</name>
    <message>
        <source>Search path, details or protection; or an address (0x…)</source>
        <translation>搜索路径、详情或保护属性；或输入地址（0x…）</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::RemoteSession</name>
    <message>
        <source>The connection to %1 failed: %2. The last snapshot stays; the next refresh connects again.</source>
        <translation>与 %1 的连接失败：%2。保留最后一次快照；下次刷新时会重新连接。</translation>
    </message>
    <message>
        <source>Connected to %1 again.</source>
        <translation>已重新连接到 %1。</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SearchDialog</name>
    <message>
        <source>Strings and Search</source>
        <translation>字符串与搜索</translation>
    </message>
    <message>
        <source>Strings</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>查找文本</translation>
    </message>
    <message>
        <source>Find hex bytes</source>
        <translation>查找十六进制字节</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>text, or hex bytes such as 48 65 6c 6c 6f</source>
        <translation>文本，或十六进制字节，例如 48 65 6c 6c 6f</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>ASCII</source>
        <translation>ASCII</translation>
    </message>
    <message>
        <source>UTF-16LE</source>
        <translation>UTF-16LE</translation>
    </message>
    <message>
        <source>ASCII and UTF-16LE</source>
        <translation>ASCII 和 UTF-16LE</translation>
    </message>
    <message>
        <source>Shortest string:</source>
        <translation>最短字符串：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Also read pages not in RAM (faults them in: the process&apos;s RSS grows)</source>
        <translation>也读取不在内存中的页面（会将它们调入内存：进程的 RSS 会增长）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Double-click a result to show its address on the map</source>
        <translation>双击结果以在地图上显示其地址</translation>
    </message>
    <message>
        <source>Strings and Search – process %1</source>
        <translation>字符串与搜索 – 进程 %1</translation>
    </message>
    <message>
        <source>Type what to find.</source>
        <translation>请输入要查找的内容。</translation>
    </message>
    <message>
        <source>Not hex bytes: type pairs of hex digits, such as 48 65 6c 6c 6f.</source>
        <translation>不是十六进制字节：请输入成对的十六进制数字，例如 48 65 6c 6c 6f。</translation>
    </message>
    <message>
        <source>Choose at least one kind of region.</source>
        <translation>请至少选择一种区域。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>The search stopped: %1</source>
        <translation>搜索已停止：%1</translation>
    </message>
    <message>
        <source>Cancelled: %1 found so far.</source>
        <translation>已取消：目前找到 %1 个。</translation>
    </message>
    <message>
        <source>%1 found.</source>
        <translation>找到 %1 个。</translation>
    </message>
    <message>
        <source>%1 regions; %2 read, %3 not in RAM (not read), %4 unreadable.</source>
        <translation>%1 个区域；已读取 %2，不在内存（未读取）%3，不可读 %4。</translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>列出了前 %1 个。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SessionController</name>
    <message>
        <source>Process %1 exited</source>
        <translation>进程 %1 已退出</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::StatusLine</name>
    <message>
        <source>reading</source>
        <translation>正在读取</translation>
    </message>
    <message numerus="yes">
        <source>%1 (PID %2) · %n region(s)</source>
        <translation>
            <numerusform>%1（PID %2）· %n 个区域</numerusform>
        </translation>
    </message>
    <message>
        <source> · taken %1</source>
        <translation> · 拍摄于 %1</translation>
    </message>
    <message>
        <source> · from %1</source>
        <translation> · 来自 %1</translation>
    </message>
    <message>
        <source> · process exited</source>
        <translation> · 进程已退出</translation>
    </message>
    <message>
        <source> · history (Ctrl+L returns to live)</source>
        <translation> · 历史记录（Ctrl+L 回到实时）</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <source>Reading process %1…</source>
        <translation>正在读取进程 %1…</translation>
    </message>
    <message>
        <source>No process</source>
        <translation>没有进程</translation>
    </message>
    <message>
        <source>Range %1: %2 mapped, %3 committed, RSS %4</source>
        <translation>范围 %1：已映射 %2，已提交 %3，常驻 %4</translation>
    </message>
    <message numerus="yes">
        <source>Selected %n region(s): %1, RSS %2, swap %3</source>
        <translation>
            <numerusform>已选 %n 个区域：%1，常驻 %2，交换 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>1 page = %1 px</source>
        <translation>1 页 = %1 像素</translation>
    </message>
    <message>
        <source>1 px = %1</source>
        <translation>1 像素 = %1</translation>
    </message>
    <message>
        <source>Process %1 could not be read</source>
        <translation>无法读取进程 %1</translation>
    </message>
    <message>
        <source> · PSS etc. read %1 s before</source>
        <translation> · PSS 等为 %1 秒前读取</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SummaryModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Bytes with some access (Windows: MEM_COMMIT)</source>
        <translation>有访问权限的字节数（Windows：MEM_COMMIT）</translation>
    </message>
    <message>
        <source>Bytes in RAM (Windows: working set)</source>
        <translation>在内存中的字节数（Windows：工作集）</translation>
    </message>
    <message>
        <source>RSS with shared pages divided among their sharers</source>
        <translation>共享页按共享者分摊后的 RSS</translation>
    </message>
    <message>
        <source>Bytes in swap (Windows: the page file)</source>
        <translation>在交换空间中的字节数（Windows：页面文件）</translation>
    </message>
    <message>
        <source>Number of regions</source>
        <translation>区域数量</translation>
    </message>
    <message>
        <source>The largest region; for Free, the largest free block</source>
        <translation>最大的区域；对于空闲，为最大的空闲块</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Total (in use)</source>
        <translation>合计（已使用）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>常驻集 (RSS)</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>比例集 (PSS)</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>最大</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::SummaryPanel</name>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>常驻集 (RSS)</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>比例集 (PSS)</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>By use</source>
        <translation>按用途</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>&lt;b&gt;How it adds up&lt;/b&gt;</source>
        <translation>&lt;b&gt;如何对上账&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (the kernel says %1)</source>
        <translation>（内核给出 %1）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not known for this snapshot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此快照无法得知。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>PSS, shared, private and dirty: read %1 s before this snapshot; RSS and swap: now.</source>
        <translation>PSS、共享、私有和脏页：在本次快照之前 %1 秒读取；RSS 和交换：当前值。</translation>
    </message>
    <message>
        <source>Every counter read with this snapshot (a full read).</source>
        <translation>所有计数均随本次快照读取（完整读取）。</translation>
    </message>
    <message>
        <source>Between full reads a live refresh reads only RSS, anonymous and swap; the other counters are the last full read&apos;s. A full read comes every tenth refresh, on Snapshot Now, when a region is selected, and when paused.</source>
        <translation>两次完整读取之间，实时刷新只读取 RSS、匿名和交换；其他计数沿用上一次完整读取的值。每第十次刷新、按“立即快照”、选中区域或暂停时会完整读取一次。</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::TimelinePanel</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>常驻集 (RSS)</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <source>%n snapshot(s), %1 to %2</source>
        <translation>
            <numerusform>%n 个快照，%1 至 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>No scheduled snapshots yet</source>
        <translation>还没有定时快照</translation>
    </message>
    <message>
        <source>Page faults</source>
        <translation>缺页</translation>
    </message>
    <message>
        <source>Minor faults</source>
        <translation>次要缺页</translation>
    </message>
    <message>
        <source>Major faults</source>
        <translation>主要缺页</translation>
    </message>
    <message>
        <source>All faults</source>
        <translation>全部缺页</translation>
    </message>
    <message>
        <source>faults</source>
        <translation>缺页次数</translation>
    </message>
    <message>
        <source>shown snapshot</source>
        <translation>显示中的快照</translation>
    </message>
    <message>
        <source>events (point at one)</source>
        <translation>事件（指向一个查看）</translation>
    </message>
    <message>
        <source>Click to show the snapshot taken at that time. The orange dot is the snapshot shown; a pink square is an event, such as a lab step: point at it to read it.</source>
        <translation>单击可显示那一时刻拍下的快照。橙色圆点是当前显示的快照；粉色方块是一个事件，例如实验的一步：指向它即可读到内容。</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::UseSummaryModel</name>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Private bytes in RAM: private clean + private dirty (USS)</source>
        <translation>物理内存中的专用字节：私有干净页 + 私有脏页（USS）</translation>
    </message>
    <message>
        <source>Working set: every resident byte (RSS)</source>
        <translation>工作集：所有常驻字节（RSS）</translation>
    </message>
    <message>
        <source>Resident pages only this process maps</source>
        <translation>只有本进程映射的常驻页面</translation>
    </message>
    <message>
        <source>Resident pages that can be shared: file and shared-memory pages</source>
        <translation>可以共享的常驻页面：文件页和共享内存页</translation>
    </message>
    <message>
        <source>Resident pages another process maps too, now</source>
        <translation>此刻也被其他进程映射的常驻页面</translation>
    </message>
    <message>
        <source>Resident pages locked in RAM (mlock)</source>
        <translation>锁定在物理内存中的常驻页面（mlock）</translation>
    </message>
    <message>
        <source>Total (in use)</source>
        <translation>合计（已使用）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Total WS</source>
        <translation>总工作集</translation>
    </message>
    <message>
        <source>Private WS</source>
        <translation>专用工作集</translation>
    </message>
    <message>
        <source>Shareable WS</source>
        <translation>可共享工作集</translation>
    </message>
    <message>
        <source>Shared WS</source>
        <translation>共享工作集</translation>
    </message>
    <message>
        <source>Locked WS</source>
        <translation>锁定工作集</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>比例集 (PSS)</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
</context>
<context>
    <name>vmatlas::ui::WindowTitle</name>
    <message>
        <source>%1 (PID %2) from %3 – VM Atlas</source>
        <translation>%1（PID %2），来自 %3 – VM Atlas</translation>
    </message>
    <message>
        <source>%1 (PID %2) in %3 – VM Atlas</source>
        <translation>%1（PID %2），位于 %3 – VM Atlas</translation>
    </message>
    <message>
        <source>%1 (PID %2) on %3 – VM Atlas</source>
        <translation>%1（PID %2），在 %3 上 – VM Atlas</translation>
    </message>
</context>
</TS>
