/**
 * [MS-FSCC] codes used by SMB2: file attributes and the file / file-system information class
 * numbers. The information structures themselves (2.4, 2.5) are still to come; SMB2 QUERY_INFO
 * and QUERY_DIRECTORY responses carry them as raw buffers until then.
 */
package org.smbscope.codec.fscc;
