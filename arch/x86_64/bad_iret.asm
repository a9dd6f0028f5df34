; arch/x86_64/bad_iret.asm - where a faulting return to user mode resumes
; (Linux: the IRET fixup of entry_64.S and fixup_bad_iret).
;
; iretq checks the frame it pops before it leaves ring 0: a non-canonical RIP,
; a bad CS or SS selector raise #GP with the kernel's CS on the stack (Intel
; SDM Vol. 3A 6.14.1 and IRETQ in Vol. 2A), an exception in the kernel that
; would otherwise be an oops. rt_sigreturn and execve refuse such frames
; before they are built (arch/x86_64/sigframe.c), so this is the last line:
; the exception table sends the #GP here, with RSP back at the frame iretq
; refused (the process's own trap frame, at the top of its kernel stack), and
; only that process dies.

bits 64
section .text
extern iret_fault
global bad_iret

bad_iret:
	mov rdi, rsp            ; the refused frame: rip, cs, rflags, rsp, ss
	and rsp, -16            ; System V alignment for the call; the frame above stays intact
	call iret_fault         ; never returns
	ud2

section .note.GNU-stack noalloc noexec nowrite progbits
