// embedding-lab.js, the one script a page loads: it defines the <embedding-lab> element.
import './element.js';
