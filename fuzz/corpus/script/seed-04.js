d.showModal()
f.tabIndex = '-1'
d.addEventListener('close', () => (f.tabIndex = 0))