const r = document.getElementById('host').attachShadow({ mode: 'open' })
r.innerHTML = '<slot name="s"></slot><em id="x">shadow</em><slot></slot>'